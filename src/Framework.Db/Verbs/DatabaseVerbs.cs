using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>The database verbs: create_db, drop_db, reset_db and db start|stop|status (managed local cluster).</summary>
internal static class DatabaseVerbs
{
    public static void Add(FwkApplication app)
    {
        var verbs = app.Verbs;
        verbs.Add("create_db", "Create the database if missing, then every missing table of the active apps.", CreateAsync);
        verbs.Add("drop_db", "Drop the database (asks for --yes).", DropAsync, YesOption());
        verbs.Add("reset_db", "Drop and recreate the database and its tables (asks for --yes).", ResetAsync, YesOption());
        verbs.Add("db start", "Start the managed local PostgreSQL ([database] host = local).", context => LocalAsync(context, Start));
        verbs.Add("db stop", "Stop the managed local PostgreSQL.", context => LocalAsync(context, Stop));
        verbs.Add("db status", "Show whether the managed local PostgreSQL runs.", context => LocalAsync(context, Status));
    }

    private static Option<bool> YesOption() => new("--yes", "-y") { Description = "Do not ask for confirmation." };

    private static async Task<int> CreateAsync(VerbContext context)
    {
        await CreateAsync(context, await StartEngineAsync(context));
        return 0;
    }

    private static async Task<int> DropAsync(VerbContext context)
    {
        var engine = context.Services.GetRequiredService<DatabaseEngine>();
        if (!await ConfirmAsync(context, $"Drop database '{engine.Settings.Name}' and all its data?"))
        {
            return 2;
        }

        await DropAsync(context, await StartEngineAsync(context));
        return 0;
    }

    private static async Task<int> ResetAsync(VerbContext context)
    {
        var engine = context.Services.GetRequiredService<DatabaseEngine>();
        if (!await ConfirmAsync(context, $"Drop database '{engine.Settings.Name}' and all its data, then create it again?"))
        {
            return 2;
        }

        await StartEngineAsync(context);
        await DropAsync(context, engine);
        await CreateAsync(context, engine);
        return 0;
    }

    private static async Task CreateAsync(VerbContext context, DatabaseEngine engine)
    {
        var name = engine.Settings.Name;
        await context.Output.WriteLineAsync($"Database '{name}' ({engine.Description}): checking…");
        var created = await SchemaCreator.CreateDatabaseAsync(engine, default);
        await context.Output.WriteLineAsync(created ? $"Database '{name}': created" : $"Database '{name}': exists");

        var catalog = context.Services.GetRequiredService<AppCatalog>();
        await using var session = await context.Services.GetRequiredService<IDbContextFactory<Session>>().CreateDbContextAsync();
        var tables = await SchemaCreator.CreateMissingTablesAsync(session, catalog, default);
        foreach (var app in catalog.Apps.Where(a => a.Models.Types.Count > 0 || a.Models.Assemblies.Count > 0))
        {
            var mine = tables.Where(t => t.App == app.Name).Select(t => t.Table).ToList();
            await context.Output.WriteLineAsync(mine.Count > 0 ? $"{app.Name}: created {string.Join(", ", mine)}" : $"{app.Name}: nothing to create");
        }
    }

    private static async Task DropAsync(VerbContext context, DatabaseEngine engine)
    {
        var existed = await SchemaCreator.DropDatabaseAsync(engine, default);
        await context.Output.WriteLineAsync(existed ? $"Database '{engine.Settings.Name}': dropped" : $"Database '{engine.Settings.Name}': did not exist");
    }

    private static async Task<int> LocalAsync(VerbContext context, Func<VerbContext, Local.LocalPostgres, Task> action)
    {
        var engine = context.Services.GetRequiredService<DatabaseEngine>();
        if (engine.Local is null)
        {
            await context.Error.WriteLineAsync($"The database is not managed by Fwk ([database] host = {engine.Settings.Host}); set host = local to use it.");
            return 1;
        }

        await action(context, engine.Local);
        return 0;
    }

    private static async Task Start(VerbContext context, Local.LocalPostgres local)
    {
        await context.Output.WriteLineAsync($"Starting PostgreSQL in {local.ClusterDirectory}…");
        await local.StartAsync();
        await context.Output.WriteLineAsync((await local.StatusAsync()).ToString());
    }

    private static async Task Stop(VerbContext context, Local.LocalPostgres local)
    {
        await local.StopAsync();
        await context.Output.WriteLineAsync((await local.StatusAsync()).ToString());
    }

    private static async Task Status(VerbContext context, Local.LocalPostgres local) =>
        await context.Output.WriteLineAsync((await local.StatusAsync()).ToString());

    private static async Task<DatabaseEngine> StartEngineAsync(VerbContext context)
    {
        var engine = context.Services.GetRequiredService<DatabaseEngine>();
        if (engine.Local is not null)
        {
            await context.Output.WriteLineAsync($"Starting the local PostgreSQL in {engine.Local.ClusterDirectory}…");
        }

        await engine.StartAsync();
        return engine;
    }

    private static async Task<bool> ConfirmAsync(VerbContext context, string question)
    {
        if (context.ParseResult.GetValue<bool>("--yes"))
        {
            return true;
        }

        if (!context.IsInteractive)
        {
            await context.Error.WriteLineAsync($"{question} Refusing without --yes (input is not interactive).");
            return false;
        }

        await context.Output.WriteAsync($"{question} [y/N] ");
        return (await context.Input.ReadLineAsync())?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
