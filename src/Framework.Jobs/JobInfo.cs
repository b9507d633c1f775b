namespace Fwk.Jobs;

/// <summary>The job a handler is running (bind it as a parameter): its id, kind, queue and attempt (1 on the first run).</summary>
public sealed class JobInfo
{
    /// <summary>The row id in <c>fwk_jobs</c> (what <c>fwk jobs retry ID</c> takes).</summary>
    public long Id { get; internal set; }

    /// <summary>The job type's full name, <c>durable:EVENT:APP</c> or <c>every:NAME</c>.</summary>
    public string Kind { get; internal set; } = "";

    /// <summary>The queue it was enqueued in.</summary>
    public string Queue { get; internal set; } = "";

    /// <summary>This attempt, from 1.</summary>
    public int Attempt { get; internal set; }

    /// <summary>Attempts allowed before it is discarded.</summary>
    public int MaxAttempts { get; internal set; }
}
