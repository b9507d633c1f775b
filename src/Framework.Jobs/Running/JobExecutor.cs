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
                if (await SaveAsync(databases.RentedSessions(scope.ServiceProvider), job, worker, cancellationToken) is { } saved)
                {
                    return saved;
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

    // The default bind's changes commit with the job's completion (exactly once). Other binds' changes (an audit log the
    // default's save adds to, a handler's own writes) are committed after the default's save and before that commit: a
    // crash in between runs the job again (at least once for them) rather than losing them. Null when the default bind
    // had nothing to save: the job is then completed as one that wrote nothing.
    private async Task<JobRun?> SaveAsync(IReadOnlyList<Session> sessions, ClaimedJob job, Guid worker, CancellationToken cancellationToken)
    {
        var own = sessions.FirstOrDefault(session => session.Bind == ModelRegistry.DefaultBind && NeedsSave(session));
        if (own is not null)
        {
            await SaveInTransactionAsync(own, cancellationToken);
        }

        foreach (var other in sessions.Where(session => session.Bind != ModelRegistry.DefaultBind && NeedsSave(session)))
        {
            await SaveInTransactionAsync(other, cancellationToken);
            await other.Database.CommitTransactionAsync(cancellationToken);
        }

        return own is null ? null : await CompleteWithAsync(own, job, worker, cancellationToken);
    }

    private async Task<JobRun> CompleteWithAsync(Session session, ClaimedJob job, Guid worker, CancellationToken cancellationToken)
    {
        var held = await session.Database.ExecuteSqlAsync(
            $"UPDATE fwk_jobs SET state = 'completed', finished_at = now(), locked_by = NULL WHERE id = {job.Id} AND state = 'running' AND locked_by = {worker}",
            cancellationToken);
        if (held == 1)
        {
            await session.Database.CommitTransactionAsync(cancellationToken);
            return new JobRun(job.Id, job.Kind, job.Attempt, JobStates.Completed, null);
        }

        await session.Database.RollbackTransactionAsync(cancellationToken);
        LogLost(logger, job.Id, job.Kind);
        return new JobRun(job.Id, job.Kind, job.Attempt, JobStates.Available, "the worker no longer held the job; its changes were rolled back");
    }

    private static async Task SaveInTransactionAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.Database.CurrentTransaction is null)
        {
            await session.Database.BeginTransactionAsync(cancellationToken);
        }

        session.Database.AutoSavepointsEnabled = false; // a failed save fails the job, all rolled back
        for (var round = 0; round < MaxSaveRounds && session.HasChangesToSave; round++)
        {
            await session.SaveChangesAsync(cancellationToken);
        }
    }

    // Tracked changes, or a transaction the handler opened and left to be committed with the job.
    private static bool NeedsSave(Session session) => session.HasChangesToSave || session.Database.CurrentTransaction is not null;

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
