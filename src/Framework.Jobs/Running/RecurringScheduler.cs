using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>
/// Inserts the slots of every recurring job ahead of time (a job due at the slot), once a second, in every instance
/// that works jobs: the slot's unique key makes it one row across all of them, so it runs once. Each pass inserts every
/// slot after the last one it inserted up to <see cref="Ahead"/> from now, so a late timer tick skips none; slots missed
/// while no instance ran (more than <see cref="Ahead"/> ago) are not made up. <c>fwk jobs run-once</c> looks back a
/// minute (<see cref="InsertRecentSlotsAsync"/>), so a cron entry that runs it at a slot's minute runs that slot.
/// </summary>
internal sealed partial class RecurringScheduler(JobCatalog catalog, JobStore store, ILogger<RecurringScheduler> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Ahead = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RunOnceLookBack = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, DateTime> _inserted = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (catalog.Recurring.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await InsertSlotsAsync(DateTime.UtcNow, Ahead, Ahead, cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Inserts the slots of the last minute, up to now, before a run of every due job.</summary>
    public Task InsertRecentSlotsAsync(CancellationToken cancellationToken) => InsertSlotsAsync(DateTime.UtcNow, RunOnceLookBack, TimeSpan.Zero, cancellationToken);

    private async Task InsertSlotsAsync(DateTime now, TimeSpan lookBack, TimeSpan ahead, CancellationToken cancellationToken)
    {
        var slots = new List<(RecurringJob Job, JobRecord Row)>();
        foreach (var job in catalog.Recurring)
        {
            var after = _inserted.TryGetValue(job.Name, out var last) && last > now - lookBack ? last : now - lookBack;
            foreach (var slot in job.Schedule.GetOccurrences(after, now + ahead, fromInclusive: false, toInclusive: true))
            {
                slots.Add((job, new JobRecord
                {
                    Kind = job.Handler.Kind,
                    Queue = job.Handler.Queue,
                    Args = "null",
                    MaxAttempts = job.Handler.MaxAttempts,
                    RunAt = slot,
                    UniqueKey = job.UniqueKey(slot),
                }));
            }
        }

        if (slots.Count == 0)
        {
            return;
        }

        try
        {
            await store.InsertAsync([.. slots.Select(s => s.Row)], cancellationToken);
            foreach (var (job, row) in slots)
            {
                _inserted[job.Name] = row.RunAt;
            }
        }
        catch (Exception exception) when (DatabaseFailure.Is(exception))
        {
            LogInsertFailed(logger, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling recurring jobs failed ({Reason}); trying again in a second.")]
    private static partial void LogInsertFailed(ILogger logger, string reason);
}
