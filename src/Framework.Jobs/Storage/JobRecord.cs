namespace Fwk.Jobs;

/// <summary>One job: a row of <c>fwk_jobs</c> in the default bind, inserted with the changes of the session that enqueued it.</summary>
internal sealed class JobRecord
{
    public long Id { get; set; }

    /// <summary>What runs it: a job type's full name, <c>durable:EVENT:APP</c> or <c>every:NAME</c>.</summary>
    public required string Kind { get; set; }

    public required string Queue { get; set; }

    /// <summary>Lower runs first (default 0).</summary>
    public int Priority { get; set; }

    /// <summary>The job's payload as JSON (snake_case).</summary>
    public required string Args { get; set; }

    public string State { get; set; } = JobStates.Available;

    /// <summary>Attempts started so far (a claim counts one).</summary>
    public int Attempt { get; set; }

    public int MaxAttempts { get; set; }

    public DateTime RunAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? AttemptedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The worker (<c>fwk_job_workers.id</c>) running it.</summary>
    public Guid? LockedBy { get; set; }

    /// <summary>At most one job per key is kept (until retention deletes the finished one).</summary>
    public string? UniqueKey { get; set; }

    public string? LastError { get; set; }
}
