using Hangfire;
using Hangfire.PostgreSql;

namespace JobsHangfire;

/// <summary>
/// The settings chosen as the fairest for Hangfire. Its workers poll the queue every 50 ms when it is empty (the default
/// is 15 s; 50 ms is Hangfire.PostgreSql's lowest without <c>AllowUnsafeValues</c>), and a job enqueued in this process
/// wakes an idle worker at once (Hangfire.PostgreSql's in-process queue event), so no measurement waits on a poll.
/// LISTEN/NOTIFY (<c>EnableLongPolling</c>) is off, its default: in 1.21.1 every dequeue opens its own listening
/// connection, which cost it 40 % of its throughput and raised its latency p50 from ~45 ms to ~1 s in an A/B run here,
/// and the benchmark's producer is in the workers' process anyway. <c>HANGFIRE_LONG_POLLING=1</c> turns it on to compare.
/// Otherwise the defaults: native database transactions, one server with <c>WorkerCount</c> = the protocol's workers,
/// the default queue and global filters (automatic retry, culture capture, continuations).
/// </summary>
internal static class HangfireSettings
{
    public static PostgreSqlStorageOptions Storage { get; } = new()
    {
        QueuePollInterval = TimeSpan.FromMilliseconds(50),
        EnableLongPolling = Environment.GetEnvironmentVariable("HANGFIRE_LONG_POLLING") == "1",
        PrepareSchemaIfNecessary = true,
    };

    public static BackgroundJobServerOptions Server(int workers) => new()
    {
        WorkerCount = workers,
        ServerName = "jobs-bench",
    };
}
