namespace Fwk.Jobs;

/// <summary>A job a worker claimed: what it needs to run it and to report the outcome.</summary>
internal sealed record ClaimedJob(long Id, string Kind, string Args, int Attempt, int MaxAttempts, string Queue, DateTime CreatedAt);
