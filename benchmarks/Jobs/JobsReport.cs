using System.Globalization;

namespace JobsBench;

/// <summary>
/// The printed tables: medians over the rounds, and ratios paired by round (the median over the rounds of the target's
/// value divided by the reference's in the same round; the targets of one round run within a minute of each other) against
/// graphile-worker and Hangfire. Throughput: higher is better (ratio &gt; 1 = faster); latency: lower is better
/// (ratio &lt; 1 = sooner).
/// </summary>
internal static class JobsReport
{
    public static void Print(Dictionary<(Measurement Measurement, string Target), List<RunnerResult>> results, IReadOnlyList<RunnerTarget> targets, JobsOptions options, string version)
    {
        var names = targets.Select(t => t.Name).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jobs benchmark: {options.Jobs} trivial jobs per throughput run (enqueued first, then worked), {options.Workers} workers, {options.Rounds} interleaved round(s), medians; PostgreSQL {version}"));
        Console.WriteLine($"{"measurement",-18} {"target",-16} {"jobs/s",8} {"(min–max)",15} {"÷graphile",9} {"÷hangfire",9} {"enqueue/s",9}");
        foreach (var measurement in Measurement.All.Where(m => !m.Latency))
        {
            foreach (var name in names)
            {
                var runs = results[(measurement, name)];
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(name == names[0] ? measurement.Name : ""),-18} {name,-16} {Median(runs, r => r.JobsPerSecond),8:0} {$"({runs.Min(r => r.JobsPerSecond):0}–{runs.Max(r => r.JobsPerSecond):0})",15} {Ratio(results, measurement, name, Targets.Graphile, r => r.JobsPerSecond),9} {Ratio(results, measurement, name, Targets.Hangfire, r => r.JobsPerSecond),9} {Median(runs, r => r.EnqueuePerSecond),9:0}"));
            }
        }

        var latency = Measurement.All.Single(m => m.Latency);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency: enqueue-to-start, workers idle, one job at a time at {options.Rate} jobs/s for {options.LatencySeconds} s ({options.LatencyJobs} jobs; sent/s = the rate the producer achieved)"));
        Console.WriteLine($"{"target",-16} {"p50 ms",7} {"p99 ms",7} {"(p99 min–max)",15} {"max ms",7} {"p50÷graphile",12} {"p99÷graphile",12} {"p50÷hangfire",12} {"p99÷hangfire",12} {"sent/s",6}");
        foreach (var name in names)
        {
            var runs = results[(latency, name)];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-16} {Median(runs, r => r.P50),7:0.00} {Median(runs, r => r.P99),7:0.00} {$"({runs.Min(r => r.P99):0.0}–{runs.Max(r => r.P99):0.0})",15} {Median(runs, r => r.Max),7:0.0} {Ratio(results, latency, name, Targets.Graphile, r => r.P50),12} {Ratio(results, latency, name, Targets.Graphile, r => r.P99),12} {Ratio(results, latency, name, Targets.Hangfire, r => r.P50),12} {Ratio(results, latency, name, Targets.Hangfire, r => r.P99),12} {Median(runs, r => r.Jobs / r.Seconds),6:0}"));
        }

        Console.WriteLine();
        Console.WriteLine("notes:");
        Console.WriteLine("  graphile-worker's published figure (fastest unbatched, on an i9): 15.6k jobs/s; this machine has " + Environment.ProcessorCount + " cores shared by the server, the runner and its workers");
        Console.WriteLine("  cluster: one throwaway cluster, Unix socket, fsync and synchronous_commit on (defaults), " + string.Join(", ", JobsCluster.Settings.Select(s => $"{s.Key}={s.Value}")) + "; each target's database is created anew before each run");
        Console.WriteLine("  every runner enqueues from one producer and runs its workers in the same process; a job's start is when its handler is entered");
        foreach (var target in targets)
        {
            Console.WriteLine($"  {target.Name}: {target.Settings}");
        }
    }

    private static double Median(List<RunnerResult> runs, Func<RunnerResult, double> value) => Statistics.Median(runs.Select(value).Where(v => !double.IsNaN(v)));

    private static string Ratio(
        Dictionary<(Measurement Measurement, string Target), List<RunnerResult>> results, Measurement measurement, string target, string reference, Func<RunnerResult, double> value) =>
        results.TryGetValue((measurement, reference), out var references)
            ? Statistics.Median(results[(measurement, target)].Zip(references, (run, other) => value(run) / value(other))).ToString("0.00", CultureInfo.InvariantCulture)
            : "-";
}
