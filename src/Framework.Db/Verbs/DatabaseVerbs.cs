using Fwk.Db.Local;

namespace Fwk.Db;

/// <summary>
/// The database verbs: create_db, drop_db, reset_db, and db start|stop|status (the managed local clusters). Each covers
/// every bind, <c>default</c> first; <c>--bind NAME</c> limits it to one.
/// </summary>
internal static class DatabaseVerbs
{
    public static void Add(FwkApplication app)
    {
        var verbs = app.Verbs;
        verbs.Add("create_db", "Create each database if missing, then its tables (or apply its migrations, when the project has them).", CreateAsync, VerbOptions.Bind());
        verbs.Add("drop_db", "Drop each database (asks for --yes).", DropAsync, VerbOptions.Yes(), VerbOptions.Bind());
        verbs.Add("reset_db", "Drop and recreate each database and its tables (asks for --yes).", ResetAsync, VerbOptions.Yes(), VerbOptions.Bind());
        verbs.Add("db start", "Start the managed local PostgreSQL of each bind with host = local.", context => LocalAsync(context, StartAsync), VerbOptions.Bind());
        verbs.Add("db stop", "Stop the managed local PostgreSQL of each bind with host = local.", context => LocalAsync(context, StopAsync), VerbOptions.Bind());
        verbs.Add("db status", "Show each bind's server: the managed cluster's state, or whether the server answers.", StatusAsync, VerbOptions.Bind());
    }

    /// <summary>create_db of one bind: the database, then its tables or its migrations, under the migration lock.</summary>
    public static async Task CreateAsync(VerbContext context, DatabaseBind bind)
    {
        var name = bind.Settings.Name;
        await StartEngineAsync(context, bind);
        await context.Output.WriteLineAsync($"Database '{name}' ({bind.Engine.Description}): checking…");
        var created = await SchemaCreator.CreateDatabaseAsync(bind.Engine, default);
        await context.Output.WriteLineAsync(created ? $"Database '{name}': created" : $"Database '{name}': exists");

        var migrations = new MigrationRunner(bind);
        if (migrations.HasMigrations)
        {
            await MigrationVerbs.UpgradeAsync(context, bind, migrations, target: null, noteModelChanges: false);
            return;
        }

        await using var migrationLock = await MigrationLock.AcquireAsync(bind.Engine, context.Output.WriteLineAsync, default);
        await using var session = bind.CreateSession();
        var tables = await SchemaCreator.CreateMissingTablesAsync(session, default);
        foreach (var app in bind.Model.Entries.Select(e => e.App).Distinct())
        {
            var mine = tables.Where(t => t.App == app).Select(t => t.Table).ToList();
            await context.Output.WriteLineAsync(mine.Count > 0 ? $"{app}: created {string.Join(", ", mine)}" : $"{app}: nothing to create");
        }
    }

    /// <summary>Starts <paramref name="bind"/>'s engine (and its managed cluster, saying so when it was not running).</summary>
    public static async Task StartEngineAsync(VerbContext context, DatabaseBind bind)
    {
        if (bind.Engine.Local is { } local && (await local.StatusAsync()).State != LocalPostgresState.Running)
        {
            await context.Output.WriteLineAsync($"Starting the local PostgreSQL in {local.ClusterDirectory}…");
        }

        await bind.Engine.StartAsync();
    }

    private static async Task<int> CreateAsync(VerbContext context)
    {
        foreach (var bind in VerbOptions.SelectedBinds(context))
        {
            await CreateAsync(context, bind);
        }

        return 0;
    }

    private static async Task<int> DropAsync(VerbContext context)
    {
        var binds = VerbOptions.SelectedBinds(context);
        if (!await VerbOptions.ConfirmAsync(context, $"Drop {Databases(binds)} and all {Their(binds)} data?"))
        {
            return 2;
        }

        foreach (var bind in binds)
        {
            await DropAsync(context, bind);
        }

        return 0;
    }

    private static async Task<int> ResetAsync(VerbContext context)
    {
        var binds = VerbOptions.SelectedBinds(context);
        if (!await VerbOptions.ConfirmAsync(context, $"Drop {Databases(binds)} and all {Their(binds)} data, then create {(binds.Count == 1 ? "it" : "them")} again?"))
        {
            return 2;
        }

        foreach (var bind in binds)
        {
            await DropAsync(context, bind);
            await CreateAsync(context, bind);
        }

        return 0;
    }

    private static async Task DropAsync(VerbContext context, DatabaseBind bind)
    {
        await StartEngineAsync(context, bind);
        var existed = await SchemaCreator.DropDatabaseAsync(bind.Engine, default);
        await context.Output.WriteLineAsync(existed ? $"Database '{bind.Settings.Name}': dropped" : $"Database '{bind.Settings.Name}': did not exist");
    }

    private static string Databases(IReadOnlyList<DatabaseBind> binds) =>
        binds.Count == 1 ? $"database '{binds[0].Settings.Name}'" : "databases " + string.Join(", ", binds.Select(b => $"'{b.Settings.Name}'"));

    private static string Their(IReadOnlyList<DatabaseBind> binds) => binds.Count == 1 ? "its" : "their";

    private static async Task<int> LocalAsync(VerbContext context, Func<VerbContext, LocalPostgres, Task> action)
    {
        var locals = VerbOptions.SelectedBinds(context).Select(b => b.Engine.Local).OfType<LocalPostgres>().ToList();
        if (locals.Count == 0)
        {
            var hosts = string.Join(", ", VerbOptions.SelectedBinds(context).Select(b => $"[{b.Settings.Section}] host = {b.Settings.Host}"));
            await context.Error.WriteLineAsync($"No database is managed by Fwk ({hosts}); set host = local to use one.");
            return 1;
        }

        foreach (var local in locals.DistinctBy(l => l.ClusterDirectory))
        {
            await action(context, local);
        }

        return 0;
    }

    private static async Task StartAsync(VerbContext context, LocalPostgres local)
    {
        await context.Output.WriteLineAsync($"Starting PostgreSQL in {local.ClusterDirectory}…");
        await local.StartAsync();
        await context.Output.WriteLineAsync((await local.StatusAsync()).ToString());
    }

    private static async Task StopAsync(VerbContext context, LocalPostgres local)
    {
        await local.StopAsync();
        await context.Output.WriteLineAsync((await local.StatusAsync()).ToString());
    }

    private static async Task<int> StatusAsync(VerbContext context)
    {
        var binds = VerbOptions.SelectedBinds(context);
        foreach (var bind in binds)
        {
            var prefix = binds.Count > 1 || bind.Name != ModelRegistry.DefaultBind ? $"{bind.Name}: " : string.Empty;
            if (bind.Engine.Local is { } local)
            {
                await context.Output.WriteLineAsync(prefix + await local.StatusAsync());
                continue;
            }

            try
            {
                await bind.Engine.CheckAsync();
                await context.Output.WriteLineAsync($"{prefix}answers ({bind.Engine.Description})");
            }
            catch (InvalidOperationException exception)
            {
                await context.Output.WriteLineAsync($"{prefix}does not answer: {exception.Message}");
            }
        }

        return 0;
    }
}
