using System.Globalization;

namespace Harness;

/// <summary>
/// The printed tables. Every ratio is paired by round: the median over the rounds of the target's requests/s divided by
/// the reference's in the same round (the machine's throughput drifts by ±25 % within a minute, and the targets of one
/// round run within seconds of each other). Ratios to the baseline are printed beside the A/A spread (how far the
/// baseline's own copy lands from it, see <see cref="Spread"/>); a ratio is only called a difference when it is outside
/// that spread.
/// </summary>
internal static class Report
{
    public const string Baseline = "baseline (EF)";
    public const string BaselineCopy = "baseline A/A";
    public const string Raw = "raw Npgsql";
    public const string FwkEnqueue = "fwk+enqueue";
    public const string FwkCopy = "fwk A/A";
    public const string RawJobRow = "raw+job row";

    /// <summary>
    /// The load table; ratios are to <paramref name="baseline"/>, the A/A spread is how far <paramref name="copy"/> landed
    /// from <paramref name="original"/> (the baseline unless given: a table without a copy of its own borrows another's).
    /// </summary>
    public static void PrintLoad(
        Dictionary<(Scenario Scenario, string Target), List<WrkResult>> results,
        IReadOnlyList<string> targets,
        string baseline = Baseline,
        string copy = BaselineCopy,
        string? original = null)
    {
        Console.WriteLine($"{"scenario",-20} {"target",-14} {"req/s",8} {"(min–max)",15} {"ratio",6} {"÷raw",6} {"p99 ms",7} {"p99 ratio",9}  verdict");
        foreach (var scenario in results.Keys.Select(k => k.Scenario).Distinct())
        {
            var reference = results[(scenario, baseline)];
            var rawRuns = results.GetValueOrDefault((scenario, Raw));
            var spread = results.TryGetValue((scenario, copy), out var copyRuns)
                ? Spread(results[(scenario, original ?? baseline)], copyRuns, r => r.RequestsPerSecond)
                : double.NaN;
            foreach (var target in targets)
            {
                var runs = results[(scenario, target)];
                var summary = Summary.Of(runs);
                var ratio = Ratio(runs, reference, r => r.RequestsPerSecond);
                var toRaw = rawRuns is null ? "-" : Ratio(runs, rawRuns, r => r.RequestsPerSecond).ToString("0.00", CultureInfo.InvariantCulture);
                var verdict = double.IsNaN(spread) ? "" : target == baseline ? $"A/A spread ±{spread:P1}" : Verdict(ratio, spread);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(target == targets[0] ? scenario.Name : ""),-20} {target,-14} {summary.Rps,8:0} {$"({summary.Min:0}–{summary.Max:0})",15} {ratio,6:0.00} {toRaw,6} {summary.P99,7:0.0} {Ratio(runs, reference, r => r.P99Milliseconds),9:0.00}  {verdict}"));
            }
        }
    }

    /// <summary>
    /// CPU milliseconds per request, the target's and PostgreSQL's (median over the rounds), and the ratio of their sum to
    /// <paramref name="baseline"/>'s (paired by round, as requests/s are) beside the A/A spread of that sum (as in
    /// <see cref="PrintLoad"/>).
    /// </summary>
    public static void PrintCpu(
        Dictionary<(Scenario Scenario, string Target), List<WrkResult>> results, IReadOnlyList<string> targets, string baseline, string copy, string? original = null)
    {
        Console.WriteLine();
        Console.WriteLine($"{"CPU per request (ms)",-20} {"target",-14} {"app",7} {"PostgreSQL",10} {"total",7} {"ratio",6}  verdict");
        foreach (var scenario in results.Keys.Select(k => k.Scenario).Distinct())
        {
            var reference = results[(scenario, baseline)];
            var spread = Spread(results[(scenario, original ?? baseline)], results[(scenario, copy)], r => r.CpuMilliseconds);
            foreach (var target in targets)
            {
                var runs = results[(scenario, target)];
                var ratio = Ratio(runs, reference, r => r.CpuMilliseconds);
                var verdict = target == baseline ? $"A/A spread ±{spread:P1}" : Math.Abs(ratio - 1) <= spread ? "same (within A/A)" : ratio > 1 ? "costs more" : "costs less";
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(target == targets[0] ? scenario.Name : ""),-20} {target,-14} {Statistics.Median(runs.Select(r => r.AppCpuMilliseconds)),7:0.000} {Statistics.Median(runs.Select(r => r.DatabaseCpuMilliseconds)),10:0.000} {Statistics.Median(runs.Select(r => r.CpuMilliseconds)),7:0.000} {ratio,6:0.00}  {verdict}"));
            }
        }
    }

    public static void PrintMemory(IReadOnlyDictionary<string, double> megabytes)
    {
        Console.WriteLine();
        Console.WriteLine("resident memory after the load (VmRSS)");
        foreach (var (target, value) in megabytes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {target,-14} {value,7:0} MB  ratio {value / megabytes[Baseline]:0.00}"));
        }
    }

    public static void PrintColdStart(IReadOnlyDictionary<string, (TimeSpan Root, TimeSpan ById)> starts, TimeSpan createDb, int count)
    {
        Console.WriteLine();
        Console.WriteLine($"cold start: process start to the first 200 (median of {count})");
        var baseline = starts[Baseline];
        foreach (var (target, (root, byId)) in starts)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {target,-14} GET / {root.TotalMilliseconds,6:0} ms ({root / baseline.Root:0.00}×)   GET /users/{{id}} {byId.TotalMilliseconds,6:0} ms ({byId / baseline.ById:0.00}×)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idempotent create_db (the sample's, median of {count}): {createDb.TotalMilliseconds:0} ms"));
    }

    /// <summary>The smoke checks of <c>--quick</c>: every answer 2xx, no socket error, no ratio below 0.5.</summary>
    public static List<string> SmokeFailures(Dictionary<(Scenario Scenario, string Target), List<WrkResult>> results)
    {
        var failures = new List<string>();
        foreach (var ((scenario, target), runs) in results)
        {
            var dirty = runs.FirstOrDefault(r => !r.Clean);
            if (dirty is not null)
            {
                failures.Add($"{scenario.Name} on {target}: {dirty.Requests} requests, {dirty.Non2xx} not 2xx, {dirty.SocketErrors} socket errors");
            }

            var ratio = Ratio(runs, results[(scenario, Baseline)], r => r.RequestsPerSecond);
            if (ratio < 0.5)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name} on {target}: {ratio:0.00}× the baseline"));
            }
        }

        return failures;
    }

    /// <summary>The median over the rounds of <paramref name="runs"/>' value divided by <paramref name="reference"/>'s in the same round.</summary>
    private static double Ratio(List<WrkResult> runs, List<WrkResult> reference, Func<WrkResult, double> value) =>
        Statistics.Median(runs.Zip(reference, (run, other) => value(run) / value(other)));

    // The larger of the copy's ratio's distance from 1 and the typical (median) distance in one round: the ratio alone can
    // land near 1 by chance (±0.3 % in a run where the raw target, serving GET / with the baseline's own code, came out
    // 6 % apart) and call noise a difference.
    private static double Spread(List<WrkResult> baseline, List<WrkResult> copy, Func<WrkResult, double> value) => Math.Max(
        Math.Abs(Ratio(copy, baseline, value) - 1),
        Statistics.Median(copy.Zip(baseline, (c, b) => Math.Abs((value(c) / value(b)) - 1))));

    private static string Verdict(double ratio, double spread) =>
        Math.Abs(ratio - 1) <= spread ? "same (within A/A)" : ratio > 1 ? "faster" : "slower";

    private sealed record Summary(double Rps, double Min, double Max, double P99)
    {
        public static Summary Of(List<WrkResult> runs) => new(
            Statistics.Median(runs.Select(r => r.RequestsPerSecond)),
            runs.Min(r => r.RequestsPerSecond),
            runs.Max(r => r.RequestsPerSecond),
            Statistics.Median(runs.Select(r => r.P99Milliseconds)));
    }
}
