namespace Fwk.Jobs;

/// <summary>
/// One instance's workers: a row of <c>fwk_job_workers</c>, its heartbeat refreshed every <c>[jobs] heartbeat</c>. Jobs
/// of a worker whose heartbeat stopped are given back to the queue (never by a job's elapsed time alone).
/// </summary>
internal sealed class JobWorkerRecord
{
    public Guid Id { get; set; }

    public required string Host { get; set; }

    public int ProcessId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime HeartbeatAt { get; set; }
}
