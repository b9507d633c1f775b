namespace Fwk.Jobs;

/// <summary>
/// Runs jobs in the calling code, one after another in run order, as a worker of its own: what Fwk.Testing's
/// <c>app.Jobs.DrainAsync()</c> and <c>fwk jobs run-once</c> use. A singleton service.
/// </summary>
public sealed class JobRunner
{
    /// <summary>More runs than this in one drain means a job that keeps enqueueing jobs: the drain stops with an error.</summary>
    public const int MaxRuns = 10_000;

    private readonly JobStore _store;
    private readonly JobExecutor _executor;
    private readonly string[] _queues;

    internal JobRunner(JobStore store, JobExecutor executor, JobCatalog catalog, JobSettings settings)
    {
        _store = store;
        _executor = executor;
        _queues = [.. catalog.Handlers.Select(h => h.Queue).Concat(settings.Queues).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Runs every due job of every queue (with <paramref name="includeScheduled"/>, those due later too, and retries at
    /// once, so a failing job runs until it is discarded), including jobs that the runs enqueue, until none is left.
    /// Returns each attempt that ran, in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxRuns"/> attempts ran.</exception>
    public async Task<IReadOnlyList<JobRun>> DrainAsync(bool includeScheduled = false, CancellationToken cancellationToken = default)
    {
        var worker = Guid.NewGuid();
        var dueBy = includeScheduled ? new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc) : (DateTime?)null;
        await _store.HeartbeatAsync(worker, cancellationToken);
        try
        {
            var runs = new List<JobRun>();
            while (await _store.ClaimAsync(_queues, 1, worker, dueBy, cancellationToken) is [var job])
            {
                if (runs.Count == MaxRuns)
                {
                    throw new InvalidOperationException($"DrainAsync ran {MaxRuns} jobs and more keep coming: does a job enqueue itself?");
                }

                runs.Add(await _executor.RunAsync(job, worker, completer: null, cancellationToken));
            }

            return runs;
        }
        finally
        {
            await _store.ReturnUnfinishedAsync(worker, CancellationToken.None);
            await _store.RemoveWorkerAsync(worker, CancellationToken.None);
        }
    }
}
