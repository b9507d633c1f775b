using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>
/// Runs <see cref="DatabaseMaintenance"/> every 10 minutes while the app serves, unless a scheduler took it over. Any
/// number of instances may do it at once.
/// </summary>
internal sealed partial class IdempotencyPurge(DatabaseMaintenance maintenance, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(DatabaseMaintenance.Interval);
        while (!maintenance.IsScheduledElsewhere && await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await maintenance.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
            {
                LogPurgeFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed; trying again later.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
