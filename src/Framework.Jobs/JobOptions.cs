namespace Fwk.Jobs;

/// <summary>How one job is enqueued. Every property is optional; the defaults are the handler's.</summary>
public sealed record JobOptions
{
    /// <summary>When the job may start (UTC); default: now. Wins over <see cref="Delay"/>.</summary>
    public DateTime? RunAt { get; init; }

    /// <summary>How long from now before the job may start; default: none.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>The queue (<c>[jobs] queues</c> says which an instance works); default: the handler's, else <c>default</c>.</summary>
    public string? Queue { get; init; }

    /// <summary>Lower starts first among due jobs of a queue; default 0.</summary>
    public int Priority { get; init; }

    /// <summary>
    /// At most one job with this key exists: enqueueing another while the first is kept (waiting, running or finished
    /// within <c>[jobs] retention</c>) does nothing. Needs <see cref="JobQueue.EnqueueAsync{TJob}"/>.
    /// </summary>
    public string? UniqueKey { get; init; }

    /// <summary>Attempts before the job is discarded; default: the handler's (20).</summary>
    public int? MaxAttempts { get; init; }
}
