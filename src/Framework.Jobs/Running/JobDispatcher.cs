using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>
/// This instance's workers (<c>[jobs] workers</c>, default 4): claims due jobs of its queues with <c>FOR UPDATE SKIP
/// LOCKED</c> as slots come free, woken by new jobs (NOTIFY) or the poll interval, and runs them. Started by the jobs
/// app's startup hook when <c>[jobs] enabled</c>; stopped by its shutdown hook, after the server drained its requests.
/// </summary>
internal sealed partial class JobDispatcher(
    JobSettings settings, JobStore store, JobExecutor executor, JobSignal signal, Completer completer, WorkerHeartbeat heartbeat, RecurringScheduler scheduler, JobWarmUp warmUp, ILogger<JobDispatcher> logger)
    : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly Dictionary<long, Task> _running = [];
    private readonly SemaphoreSlim _claiming = new(1, 1);
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _abortJobs = new();
    private readonly CancellationTokenSource _stopBackground = new();
    private readonly List<Task> _background = [];
    private Task? _dispatch;
    private Task? _completing;
    private bool _failing;

    /// <summary>This instance's row in <c>fwk_job_workers</c>.</summary>
    public Guid WorkerId { get; } = Guid.NewGuid();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.HeartbeatAsync(WorkerId, cancellationToken);
        _completing = completer.RunAsync(WorkerId, _stopBackground.Token);
        _background.Add(heartbeat.RunAsync(this, _stopBackground.Token));
        if (settings.Notify)
        {
            _background.Add(signal.RunListenerAsync(_stopBackground.Token));
        }

        _background.Add(scheduler.RunAsync(_stopClaiming.Token));
        _dispatch = Task.Run(() => DispatchAsync(_stopClaiming.Token), CancellationToken.None);
        LogStarted(logger, settings.Workers, settings.Queues);
    }

    /// <summary>
    /// Hands back running jobs this worker holds in the database but no longer works on (their failure could not be
    /// written); jobs running here or completed and not yet written stay. Serialised with claims, so a job just claimed is
    /// never taken for one.
    /// </summary>
    public async Task<int> ReleaseOrphansAsync(CancellationToken cancellationToken)
    {
        await _claiming.WaitAsync(cancellationToken);
        try
        {
            long[] held;
            lock (_running)
            {
                held = [.. _running.Keys, .. completer.Waiting];
            }

            return await store.ReleaseOrphansAsync(WorkerId, held, cancellationToken);
        }
        finally
        {
            _claiming.Release();
        }
    }

    /// <summary>
    /// Stops claiming, waits <c>[jobs] shutdown_timeout</c> for running jobs, then cancels them; writes the completions,
    /// hands every unfinished job back to the queue at once (other instances are told) and removes this worker.
    /// </summary>
    public async Task StopAsync()
    {
        if (_dispatch is null)
        {
            return;
        }

        await _stopClaiming.CancelAsync();
        await _dispatch;
        Task[] running;
        lock (_running)
        {
            running = [.. _running.Values];
        }

        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(settings.ShutdownTimeout)) != all)
        {
            LogCancelling(logger, running.Count(t => !t.IsCompleted), settings.ShutdownTimeout.TotalSeconds);
            await _abortJobs.CancelAsync();
            await Task.WhenAny(all, Task.Delay(Grace));
        }

        completer.Complete();
        await _completing!.WaitAsync(Grace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            if (await store.ReturnUnfinishedAsync(WorkerId, CancellationToken.None) is var returned and > 0)
            {
                LogReturned(logger, returned);
                await store.NotifyAsync(CancellationToken.None);
            }

            await store.RemoveWorkerAsync(WorkerId, CancellationToken.None);
        }
        catch (Exception exception) when (DatabaseFailure.Is(exception))
        {
            LogStopFailed(logger, exception.Message);
        }

        await _stopBackground.CancelAsync();
        await Task.WhenAll(_background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _claiming.Dispose();
        _stopClaiming.Dispose();
        _abortJobs.Dispose();
        _stopBackground.Dispose();
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await warmUp.RunAsync(WorkerId, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        string[] queues = [.. settings.Queues];
        while (!cancellationToken.IsCancellationRequested)
        {
            int free;
            lock (_running)
            {
                free = settings.Workers - _running.Count;
            }

            var claimed = 0;
            try
            {
                claimed = free > 0 ? await ClaimAsync(queues, free, cancellationToken) : 0;
                _failing = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailure.Is(exception))
            {
                if (!_failing)
                {
                    LogClaimFailed(logger, exception.Message);
                }

                _failing = true;
            }

            // A full claim may have left more due jobs; otherwise wait for a wake (new jobs, a free slot) or the poll.
            if (claimed == 0 || claimed < free)
            {
                await signal.WaitAsync(settings.PollInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<int> ClaimAsync(string[] queues, int free, CancellationToken cancellationToken)
    {
        await _claiming.WaitAsync(cancellationToken);
        try
        {
            var jobs = await store.ClaimAsync(queues, free, WorkerId, null, cancellationToken);
            foreach (var job in jobs)
            {
                lock (_running)
                {
                    _running[job.Id] = Task.Run(() => RunAsync(job), CancellationToken.None);
                }
            }

            return jobs.Count;
        }
        finally
        {
            _claiming.Release();
        }
    }

    private async Task RunAsync(ClaimedJob job)
    {
        try
        {
            await executor.RunAsync(job, WorkerId, completer, _abortJobs.Token);
        }
        finally
        {
            lock (_running)
            {
                _running.Remove(job.Id);
            }

            signal.WakeLocal();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working jobs: {Workers} worker(s) on queue(s) {Queues}.")]
    private static partial void LogStarted(ILogger logger, int workers, IReadOnlyList<string> queues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming jobs failed ({Reason}); trying again every poll interval until the database answers.")]
    private static partial void LogClaimFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Count} job(s) still ran after {Seconds} s ([jobs] shutdown_timeout); cancelling them.")]
    private static partial void LogCancelling(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} unfinished job(s) went back to the queue.")]
    private static partial void LogReturned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: handing unfinished jobs back failed ({Reason}); they are rescued once this worker's heartbeat is missed.")]
    private static partial void LogStopFailed(ILogger logger, string reason);
}
