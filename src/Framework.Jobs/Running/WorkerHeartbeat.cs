using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>
/// Every <c>[jobs] heartbeat</c> (default 5 s): says this worker is alive, hands back jobs it holds but no longer runs,
/// rescues the jobs of workers silent for three heartbeats (whichever instance notices first; the statement is guarded,
/// so two doing it at once is harmless), and once a minute deletes jobs finished longer ago than <c>[jobs] retention</c>.
/// </summary>
internal sealed partial class WorkerHeartbeat(JobSettings settings, JobStore store, JobSignal signal, ILogger<WorkerHeartbeat> logger)
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(1);

    public async Task RunAsync(JobDispatcher dispatcher, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.Heartbeat);
        var lastCleanup = DateTime.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(cancellationToken);
                await store.HeartbeatAsync(dispatcher.WorkerId, cancellationToken);
                var freed = await dispatcher.ReleaseOrphansAsync(cancellationToken) + await store.RescueAsync(settings.DeadAfter, cancellationToken);
                if (freed > 0)
                {
                    LogRescued(logger, freed);
                    signal.Wake();
                }

                if (DateTime.UtcNow - lastCleanup >= CleanupInterval)
                {
                    lastCleanup = DateTime.UtcNow;
                    await store.DeleteFinishedAsync(settings.Retention, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailure.Is(exception))
            {
                LogHeartbeatFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} job(s) of stopped workers went back to the queue.")]
    private static partial void LogRescued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The jobs heartbeat failed ({Reason}); trying again at the next one.")]
    private static partial void LogHeartbeatFailed(ILogger logger, string reason);
}
