using Fwk.Db;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>
/// The job path's one-time costs (JIT, the JSON contract of every payload type, the session's enqueue path), paid when the
/// workers start, before their first claim: the first jobs after a start otherwise waited 10–70 ms instead of ~2 ms, and
/// they set the p99 of <c>benchmarks/jobs.sh</c>' latency. Leaves nothing behind: payload types round-trip <c>{}</c>
/// through JSON (failures ignored); Fwk's own no-op job <see cref="WarmUpJob"/> is enqueued in a transaction that is
/// rolled back, then run as a job whose id no row has. Best effort: a failure is logged at Debug and workers start anyway.
/// </summary>
internal sealed partial class JobWarmUp(IServiceProvider services, JobCatalog catalog, JobExecutor executor, ILogger<JobWarmUp> logger)
{
    public async Task RunAsync(Guid worker, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var type in catalog.Handlers.Select(handler => handler.ArgsType).OfType<Type>())
            {
                RoundTrip(type);
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var session = scope.ServiceProvider.GetRequiredService<Session>();
                await using var transaction = await session.Database.BeginTransactionAsync(cancellationToken);
                scope.ServiceProvider.GetRequiredService<JobQueue>().Enqueue(new WarmUpJob());
                await session.SaveChangesAsync(cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
            }

            var kind = typeof(WarmUpJob).FullName!;
            await executor.RunAsync(new ClaimedJob(-1, kind, JobJson.Serialize(new WarmUpJob()), 1, 1, JobSettings.DefaultQueue, DateTime.UtcNow), worker, null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception.Message);
        }
    }

    private static void RoundTrip(Type type)
    {
        try
        {
            JobJson.Serialize(JobJson.Deserialize("{}", type));
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // A payload that needs its members: its contract is built all the same.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warming up the job path failed ({Reason}); the first jobs pay its one-time costs.")]
    private static partial void LogFailed(ILogger logger, string reason);
}
