namespace Fwk.Jobs;

/// <summary>How long a failed job waits before its next attempt: 2^attempt seconds (at most an hour), ±25 % jitter so retries of many jobs spread out.</summary>
internal static class Backoff
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan After(int attempt)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(attempt, 30)), Longest.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }
}
