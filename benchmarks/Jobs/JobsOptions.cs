using System.Globalization;

namespace JobsBench;

/// <summary>
/// What one run measures. Full (the default): 20,000 jobs per throughput run, a latency run of 50 jobs/s for 5 s,
/// 3 interleaved rounds, 4 workers (Fwk's default <c>[jobs] workers</c>). <c>--quick</c> (the smoke run): 500 jobs, 2 s of
/// latency, 1 round. The latency rate is low enough for every target to keep up on this 2-core machine (Hangfire worked
/// ~100 jobs/s here and its single producer enqueues ~150/s): above a target's rate its latency measures its backlog.
/// <c>--jobs N</c>, <c>--rounds R</c>, <c>--workers W</c>, <c>--rate R</c>, <c>--latency-seconds S</c> override either;
/// <c>--targets a,b</c> keeps only the named targets.
/// </summary>
internal sealed record JobsOptions(bool Quick, int Jobs, int Rounds, int Workers, int Rate, int LatencySeconds, IReadOnlyList<string>? Targets)
{
    /// <summary>The batch sizes of the throughput runs.</summary>
    public static IReadOnlyList<int> Batches { get; } = [1, 100];

    /// <summary>How many jobs a latency run enqueues.</summary>
    public int LatencyJobs => Rate * LatencySeconds;

    /// <summary>How long one runner may take before it is killed.</summary>
    public TimeSpan RunTimeout => Quick ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(15);

    public static JobsOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = quick ? new JobsOptions(true, 500, 1, 4, 50, 2, null) : new JobsOptions(false, 20_000, 3, 4, 50, 5, null);
        for (var i = 0; i < args.Length - 1; i++)
        {
            var text = args[i + 1];
            int Number() => int.Parse(text, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--jobs" => options with { Jobs = Number() },
                "--rounds" => options with { Rounds = Number() },
                "--workers" => options with { Workers = Number() },
                "--rate" => options with { Rate = Number() },
                "--latency-seconds" => options with { LatencySeconds = Number() },
                "--targets" => options with { Targets = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => options,
            };
        }

        return options;
    }
}
