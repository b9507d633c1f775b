namespace Fwk.Jobs;

/// <summary>
/// A registered handler: the kind stored in job rows, the hook event it runs as (bound like any hook), the payload's
/// type (null when it takes none), and the defaults of its jobs.
/// </summary>
internal sealed record JobHandler(string Kind, string EventName, Type? ArgsType, string Queue, int MaxAttempts, string Owner);
