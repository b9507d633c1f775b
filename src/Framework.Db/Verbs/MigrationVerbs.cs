using System.CommandLine;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fwk.Db;

/// <summary>
/// The migration verbs, one history per bind over every active app's models (as Flask-Migrate keeps one per app):
/// db migrate, upgrade, downgrade, history, current and check. Each covers every bind; <c>--bind NAME</c> limits it to one.
/// </summary>
internal static class MigrationVerbs
{
    public static void Add(FwkApplication app)
    {
        var message = new Option<string>("--message", "-m") { Description = "What the migration does (its name): \"add phone to users\".", Required = true };
        app.Verbs.Add("db migrate", "Write a migration holding the model's changes since the last one (Migrations/ folder).", context => MigrateAsync(context, app.ProjectDirectory), message, VerbOptions.Bind());
        app.Verbs.Add("db upgrade", "Apply pending migrations up to TARGET (default: the latest), each in its own transaction.", UpgradeAsync, Target(), Sql(), VerbOptions.Bind());
        app.Verbs.Add("db downgrade", "Revert to TARGET (default: one step back; 0 reverts all). Asks for --yes: it can drop data.", DowngradeAsync, Target(), VerbOptions.Yes(), VerbOptions.Bind());
        app.Verbs.Add("db history", "List every migration, applied or pending, newest last.", HistoryAsync, VerbOptions.Bind());
        app.Verbs.Add("db current", "Show the migration the database is at.", CurrentAsync, VerbOptions.Bind());
        app.Verbs.Add("db check", "Exit 1 and list the differences when the model has changes no migration holds (for CI).", CheckAsync, VerbOptions.Bind());
    }

    /// <summary>
    /// Upgrades <paramref name="bind"/> (create_db and db upgrade), saying what it applied. <c>db upgrade</c> also notes
    /// model changes no migration holds (<paramref name="noteModelChanges"/>); create_db leaves that to <c>db check</c>,
    /// as comparing the models costs a second of every run.
    /// </summary>
    public static async Task UpgradeAsync(VerbContext context, DatabaseBind bind, MigrationRunner migrations, string? target, bool noteModelChanges = true)
    {
        var applied = await migrations.UpgradeAsync(target, line => context.Output.WriteLineAsync($"{bind.Name}: {line}"), default);
        var current = LastOf(await migrations.AppliedAsync(default)) ?? "none";
        await context.Output.WriteLineAsync(applied.Count > 0
            ? $"{bind.Name}: applied {string.Join(", ", applied)}; now at {current}"
            : $"{bind.Name}: up to date at {current}");
        if (noteModelChanges && migrations.ModelChanges().Count > 0)
        {
            await context.Error.WriteLineAsync($"{bind.Name}: note: the model has changes no migration holds yet; run 'db migrate -m \"…\"'.");
        }
    }

    private static Argument<string?> Target() => new("target") { Arity = ArgumentArity.ZeroOrOne, Description = "A migration name or id (0: before the first)." };

    private static Option<bool> Sql() => new("--sql") { Description = "Print the SQL (idempotent script) instead of running it, for a DBA." };

    private static async Task<int> MigrateAsync(VerbContext context, string projectDirectory)
    {
        var name = MigrationWriter.MigrationName(context.ParseResult.GetValue<string>("--message")!);
        foreach (var bind in WithModels(context))
        {
            var changes = new MigrationRunner(bind).ModelChanges();
            if (changes.Count == 0)
            {
                await context.Output.WriteLineAsync($"{bind.Name}: no changes in the model since the last migration; nothing written.");
                continue;
            }

            var files = MigrationWriter.Write(bind, name, projectDirectory);
            await context.Output.WriteLineAsync($"{bind.Name}: wrote {string.Join(", ", files)}");
            await using (var session = bind.CreateSession())
            {
                foreach (var line in OperationDescriber.Describe(changes, session.GetService<IDesignTimeModel>().Model, bind.Model))
                {
                    await context.Output.WriteLineAsync($"  {line}");
                }
            }

            if (changes.Count(OperationDescriber.LosesData) is var losses and > 0)
            {
                await context.Output.WriteLineAsync($"  {losses} operation(s) may lose data: review the migration before 'db upgrade'.");
            }
        }

        return 0;
    }

    private static async Task<int> UpgradeAsync(VerbContext context)
    {
        var target = context.ParseResult.GetValue<string?>("target");
        foreach (var bind in WithMigrations(context))
        {
            var migrations = new MigrationRunner(bind);
            if (context.ParseResult.GetValue<bool>("--sql"))
            {
                await context.Output.WriteLineAsync($"-- bind {bind.Name}, database '{bind.Settings.Name}'");
                await context.Output.WriteLineAsync(migrations.Script(target));
                continue;
            }

            await DatabaseVerbs.StartEngineAsync(context, bind);
            await UpgradeAsync(context, bind, migrations, target);
        }

        return 0;
    }

    private static async Task<int> DowngradeAsync(VerbContext context)
    {
        var binds = WithMigrations(context);
        var target = context.ParseResult.GetValue<string?>("target");
        var what = target is null ? "the last migration" : target == MigrationRunner.Initial ? "every migration" : $"the migrations after {target}";
        if (!await VerbOptions.ConfirmAsync(context, $"Revert {what} of {string.Join(", ", binds.Select(b => $"'{b.Settings.Name}'"))}? This can drop data."))
        {
            return 2;
        }

        foreach (var bind in binds)
        {
            await DatabaseVerbs.StartEngineAsync(context, bind);
            var migrations = new MigrationRunner(bind);
            var reverted = await migrations.DowngradeAsync(target, line => context.Output.WriteLineAsync($"{bind.Name}: {line}"), default);
            var current = LastOf(await migrations.AppliedAsync(default)) ?? "none";
            await context.Output.WriteLineAsync(reverted.Count > 0
                ? $"{bind.Name}: reverted {string.Join(", ", reverted)}; now at {current}"
                : $"{bind.Name}: nothing to revert; at {current}");
        }

        return 0;
    }

    private static async Task<int> HistoryAsync(VerbContext context)
    {
        foreach (var bind in WithMigrations(context))
        {
            await DatabaseVerbs.StartEngineAsync(context, bind);
            var migrations = new MigrationRunner(bind);
            var applied = (await migrations.AppliedAsync(default)).ToHashSet(StringComparer.Ordinal);
            await context.Output.WriteLineAsync($"{bind.Name} (database '{bind.Settings.Name}'):");
            foreach (var id in migrations.All)
            {
                await context.Output.WriteLineAsync($"  {id}  {(applied.Contains(id) ? "applied" : "pending")}");
            }

            foreach (var id in applied.Except(migrations.All).Order(StringComparer.Ordinal))
            {
                await context.Output.WriteLineAsync($"  {id}  applied, not in this project");
            }
        }

        return 0;
    }

    private static async Task<int> CurrentAsync(VerbContext context)
    {
        foreach (var bind in WithMigrations(context))
        {
            await DatabaseVerbs.StartEngineAsync(context, bind);
            var migrations = new MigrationRunner(bind);
            var current = LastOf(await migrations.AppliedAsync(default));
            var pending = await migrations.PendingAsync(default);
            var state = pending.Count == 0 ? "up to date" : $"{pending.Count} pending: {string.Join(", ", pending)}";
            await context.Output.WriteLineAsync($"{bind.Name}: {current ?? "no migration applied"} ({state})");
        }

        return 0;
    }

    private static async Task<int> CheckAsync(VerbContext context)
    {
        var failed = false;
        foreach (var bind in WithModels(context))
        {
            var changes = new MigrationRunner(bind).ModelChanges();
            if (changes.Count == 0)
            {
                await context.Output.WriteLineAsync($"{bind.Name}: the migrations hold every change of the model.");
                continue;
            }

            failed = true;
            await context.Output.WriteLineAsync($"{bind.Name}: the model has {changes.Count} change(s) no migration holds:");
            await using var session = bind.CreateSession();
            foreach (var line in OperationDescriber.Describe(changes, session.GetService<IDesignTimeModel>().Model, bind.Model))
            {
                await context.Output.WriteLineAsync($"  {line}");
            }
        }

        if (failed)
        {
            await context.Error.WriteLineAsync("Run 'fwk db migrate -m \"what changed\"', review the migration and commit it.");
        }

        return failed ? 1 : 0;
    }

    private static string? LastOf(IReadOnlyList<string> migrations) => migrations.Count > 0 ? migrations[^1] : null;

    // Binds that have models or migrations; a bind with neither has nothing to migrate.
    private static IEnumerable<DatabaseBind> WithModels(VerbContext context) =>
        VerbOptions.SelectedBinds(context).Where(b => !b.Model.IsEmpty || new MigrationRunner(b).HasMigrations);

    private static IReadOnlyList<DatabaseBind> WithMigrations(VerbContext context) =>
        [.. VerbOptions.SelectedBinds(context).Where(b => new MigrationRunner(b).HasMigrations)];
}
