using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>
/// The database helper's startup hook (framework level, so it runs before the apps'): build every bind's model (a model
/// that relates to another bind's stops startup here) while the engines start, their connections are checked, pending
/// migrations are reported and standbys counted. Then, with every model known to be sound, binds with
/// <c>migrate_on_startup = true</c> apply their pending migrations (under the migration lock), all before any traffic.
/// The binds are independent: their work runs side by side.
/// </summary>
internal static partial class DatabaseStartup
{
    public static async Task RunAsync(DatabaseBinds binds, ILogger<DatabaseBinds> logger, CancellationToken cancellationToken)
    {
        // Models build on a thread of their own (CPU-bound, it would hold a thread-pool thread the servers' checks need) while
        // the servers are checked; a model error stops startup whatever the servers say.
        var models = Task.Factory.StartNew(() => BuildModels(binds), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var servers = Task.WhenAll(binds.All.Select(bind => CheckServerAsync(bind, logger, cancellationToken)));
        try
        {
            await models;
        }
        catch
        {
            _ = servers.ContinueWith(task => task.Exception, TaskScheduler.Default);
            throw;
        }

        await servers;
        await Task.WhenAll(binds.All.Where(bind => bind.Settings.MigrateOnStartup).Select(bind => MigrateAsync(bind, logger, cancellationToken)));
    }

    private static void BuildModels(DatabaseBinds binds)
    {
        foreach (var bind in binds.All)
        {
            using var session = bind.RentSession();
            _ = session.Model;
            _ = bind.RuntimeModel;
        }
    }

    private static async Task CheckServerAsync(DatabaseBind bind, ILogger logger, CancellationToken cancellationToken)
    {
        await bind.Engine.StartAsync(cancellationToken);
        await bind.Engine.CheckAsync(cancellationToken);
        var migrations = new MigrationRunner(bind);
        if (!bind.Settings.MigrateOnStartup && migrations.HasMigrations && await migrations.PendingAsync(cancellationToken) is { Count: > 0 } pending)
        {
            LogPending(logger, bind.Name, pending.Count, pending, bind.Settings.Section);
        }

        if (bind.Engine.HasStandbys)
        {
            var (answered, listed) = await bind.Engine.CountStandbysAsync(cancellationToken);
            LogStandbys(logger, bind.Name, answered, listed);
        }
    }

    private static async Task MigrateAsync(DatabaseBind bind, ILogger logger, CancellationToken cancellationToken)
    {
        var migrations = new MigrationRunner(bind);
        if (migrations.HasMigrations && await migrations.UpgradeAsync(null, _ => Task.CompletedTask, cancellationToken) is { Count: > 0 } applied)
        {
            LogApplied(logger, bind.Name, applied);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bind '{Bind}' has {Count} pending migration(s): {Migrations}. Run 'fwk db upgrade', or set [{Section}] migrate_on_startup = true.")]
    private static partial void LogPending(ILogger logger, string bind, int count, IReadOnlyList<string> migrations, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bind '{Bind}': applied migration(s) {Migrations} at startup.")]
    private static partial void LogApplied(ILogger logger, string bind, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bind '{Bind}': {Answered} of {Listed} standby server(s) answered; read sessions use them.")]
    private static partial void LogStandbys(ILogger logger, string bind, int answered, int listed);
}
