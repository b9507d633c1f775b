using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>
/// Runs one claimed job: its handler in a service scope of its own, bound like a hook. What the handler wrote through the
/// scope's default <see cref="Session"/> is saved with the job's completion in one transaction, committed only while the
/// worker still holds the job, so such effects happen exactly once. A job that wrote nothing is completed in a batch
/// (<see cref="Completer"/>). A handler that throws gets the job retried after a backoff, or discarded after its last attempt.
/// </summary>
internal sealed partial class JobExecutor(IServiceProvider services, JobCatalog catalog, JobStore store, Databases databases, Hooks hooks, ILogger<JobExecutor> logger)
{
    private const int MaxErrorLength = 2000;
    private const int MaxSaveRounds = 3;

    /// <summary>Runs <paramref name="job"/> for <paramref name="worker"/>; completions go to <paramref name="completer"/>, or are written at once without one.</summary>
    public async Task<JobRun> RunAsync(ClaimedJob job, Guid worker, Completer? completer, CancellationToken cancellationToken)
    {
        var handler = catalog.ForKind(job.Kind);
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"No handler for job kind '{job.Kind}' in this application.");
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var info = scope.ServiceProvider.GetRequiredService<JobInfo>();
                (info.Id, info.Kind, info.Queue, info.Attempt, info.MaxAttempts) = (job.Id, job.Kind, job.Queue, job.Attempt, job.MaxAttempts);
                await hooks.EmitAsync(handler.EventName, JobJson.Deserialize(job.Args, handler.ArgsType), scope.ServiceProvider, cancellationToken);
                if (databases.RentedSession(scope.ServiceProvider) is { } session && (session.ChangeTracker.HasChanges() || session.Database.CurrentTransaction is not null))
                {
                    return await CompleteWithAsync(session, job, worker, cancellationToken);
                }
            }

            if (completer is null)
            {
                await store.CompleteAsync([job.Id], worker, cancellationToken);
            }
            else
            {
                completer.Add(job.Id);
            }

            return new JobRun(job.Id, job.Kind, job.Attempt, JobStates.Completed, null);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return await FailAsync(job, worker, exception);
        }
    }

    private async Task<JobRun> CompleteWithAsync(Session session, ClaimedJob job, Guid worker, CancellationToken cancellationToken)
    {
        var transaction = session.Database.CurrentTransaction ?? await session.Database.BeginTransactionAsync(cancellationToken);
        session.Database.AutoSavepointsEnabled = false; // a failed save fails the job, all rolled back
        for (var round = 0; round < MaxSaveRounds && session.ChangeTracker.HasChanges(); round++)
        {
            await session.SaveChangesAsync(cancellationToken);
        }

        var held = await session.Database.ExecuteSqlAsync(
            $"UPDATE fwk_jobs SET state = 'completed', finished_at = now(), locked_by = NULL WHERE id = {job.Id} AND state = 'running' AND locked_by = {worker}",
            cancellationToken);
        if (held == 1)
        {
            await transaction.CommitAsync(cancellationToken);
            return new JobRun(job.Id, job.Kind, job.Attempt, JobStates.Completed, null);
        }

        await transaction.RollbackAsync(cancellationToken);
        LogLost(logger, job.Id, job.Kind);
        return new JobRun(job.Id, job.Kind, job.Attempt, JobStates.Available, "the worker no longer held the job; its changes were rolled back");
    }

    private async Task<JobRun> FailAsync(ClaimedJob job, Guid worker, Exception exception)
    {
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        LogFailed(logger, exception, job.Id, job.Kind, job.Attempt, job.MaxAttempts);
        try
        {
            // Not the run's token: at shutdown the attempt is still recorded.
            var state = await store.FailAsync(job.Id, worker, Backoff.After(job.Attempt), error, CancellationToken.None);
            return new JobRun(job.Id, job.Kind, job.Attempt, state ?? JobStates.Available, error);
        }
        catch (Exception failure) when (DatabaseFailure.Is(failure))
        {
            // Still held by this worker: handed back by the next heartbeat (or at shutdown, or rescued if it dies).
            LogFailNotRecorded(logger, job.Id, failure.Message);
            return new JobRun(job.Id, job.Kind, job.Attempt, JobStates.Running, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}.")]
    private static partial void LogFailed(ILogger logger, Exception exception, long id, string kind, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) was given back to the queue while it ran (its worker missed heartbeats); its changes were rolled back and it runs again.")]
    private static partial void LogLost(ILogger logger, long id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failure of job {Id} could not be recorded ({Reason}); it goes back to the queue later.")]
    private static partial void LogFailNotRecorded(ILogger logger, long id, string reason);
}
