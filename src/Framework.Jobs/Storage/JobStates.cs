namespace Fwk.Jobs;

/// <summary>
/// The states of a job row. <c>available</c> waits for its <c>run_at</c> (a retry waits there too, with its attempt
/// counted); <c>running</c> is held by one worker (<c>locked_by</c>); the other three are final and deleted after
/// <c>[jobs] retention</c>.
/// </summary>
internal static class JobStates
{
    public const string Available = "available";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Discarded = "discarded";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Available, Running, Completed, Discarded, Cancelled];
}
