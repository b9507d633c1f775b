using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>
/// Deletes expired idempotency keys every 10 minutes while the app serves (a repeat after expiry runs its handler again
/// anyway; this only keeps the table small). Any number of instances may do it at once.
/// </summary>
internal sealed partial class IdempotencyPurge(DatabaseBinds binds, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var session = binds.Default.CreateSession();
                await session.Set<IdempotencyRecord>().Where(r => r.ExpiresAt < DateTime.UtcNow).ExecuteDeleteAsync(stoppingToken);
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
