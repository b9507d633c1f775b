namespace Fwk.Jobs;

/// <summary>One attempt that ran (what <see cref="JobRunner.DrainAsync"/> returns): the job, and how it ended.</summary>
/// <param name="Id">The row id in <c>fwk_jobs</c>.</param>
/// <param name="Kind">The job type's full name, <c>durable:EVENT:APP</c> or <c>every:NAME</c>.</param>
/// <param name="Attempt">The attempt, from 1.</param>
/// <param name="State">The job's state afterwards: <c>completed</c>, <c>available</c> (to be retried) or <c>discarded</c>.</param>
/// <param name="Error">The failure's type and message, or <see langword="null"/> when it succeeded.</param>
public sealed record JobRun(long Id, string Kind, int Attempt, string State, string? Error)
{
    /// <summary>Whether the attempt succeeded.</summary>
    public bool Succeeded => Error is null;
}
