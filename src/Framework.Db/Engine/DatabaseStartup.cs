using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>
/// The database helper's startup hook (framework level, so it runs before the apps'): build every bind's model (a model
/// that relates to another bind's stops startup here) while the engines start and their connections are checked, then
/// report each bind's pending migrations (or apply them when <c>migrate_on_startup = true</c>, under the migration lock,
/// before any traffic) and how many standbys answer. The binds are independent: their work runs side by side.
/// </summary>
internal static partial class DatabaseStartup
{
    public static async Task RunAsync(DatabaseBinds binds, ILogger<DatabaseBinds> logger, CancellationToken cancellationToken)
    {
        // Models build on another thread while the servers start; a model error stops startup whatever the servers say.
        var models = Task.Run(() => BuildModels(binds), cancellationToken);
        var engines = StartEnginesAsync(binds, cancellationToken);
        try
        {
            await models;
        }
        catch
        {
            _ = engines.ContinueWith(task => task.Exception, TaskScheduler.Default);
            throw;
        }

        await engines;
        await Task.WhenAll(binds.All.Select(async bind =>
        {
            await CheckMigrationsAsync(bind, logger, cancellationToken);
            if (bind.Engine.HasStandbys)
            {
                var (answered, listed) = await bind.Engine.CountStandbysAsync(cancellationToken);
                LogStandbys(logger, bind.Name, answered, listed);
            }
        }));
    }

    private static void BuildModels(DatabaseBinds binds)
    {
        foreach (var bind in binds.All)
        {
            using var session = bind.RentSession();
            _ = session.Model;
        }
    }

    private static Task StartEnginesAsync(DatabaseBinds binds, CancellationToken cancellationToken) =>
        Task.WhenAll(binds.All.Select(async bind =>
        {
            await bind.Engine.StartAsync(cancellationToken);
            await bind.Engine.CheckAsync(cancellationToken);
        }));

    private static async Task CheckMigrationsAsync(DatabaseBind bind, ILogger logger, CancellationToken cancellationToken)
    {
        var migrations = new MigrationRunner(bind);
        if (!migrations.HasMigrations)
        {
            return;
        }

        if (bind.Settings.MigrateOnStartup)
        {
            var applied = await migrations.UpgradeAsync(null, _ => Task.CompletedTask, cancellationToken);
            if (applied.Count > 0)
            {
                LogApplied(logger, bind.Name, applied);
            }

            return;
        }

        var pending = await migrations.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            LogPending(logger, bind.Name, pending.Count, pending, bind.Settings.Section);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bind '{Bind}' has {Count} pending migration(s): {Migrations}. Run 'fwk db upgrade', or set [{Section}] migrate_on_startup = true.")]
    private static partial void LogPending(ILogger logger, string bind, int count, IReadOnlyList<string> migrations, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bind '{Bind}': applied migration(s) {Migrations} at startup.")]
    private static partial void LogApplied(ILogger logger, string bind, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bind '{Bind}': {Answered} of {Listed} standby server(s) answered; read sessions use them.")]
    private static partial void LogStandbys(ILogger logger, string bind, int answered, int listed);
}
