using System.Globalization;
using System.Text.Json;

namespace JobsHangfire;

/// <summary>The result line of the protocol: one JSON object on stdout, snake_case fields.</summary>
internal static class Output
{
    private const string Target = "hangfire";

    public static void Throughput(RunnerArguments arguments, TimeSpan work, TimeSpan enqueue) => Write(new Dictionary<string, object>
    {
        ["target"] = Target,
        ["mode"] = "throughput",
        ["batch"] = arguments.Batch,
        ["jobs"] = arguments.Jobs,
        ["workers"] = arguments.Workers,
        ["seconds"] = work.TotalSeconds,
        ["jobs_per_s"] = arguments.Jobs / work.TotalSeconds,
        ["enqueue_seconds"] = enqueue.TotalSeconds,
        ["enqueue_per_s"] = arguments.Jobs / enqueue.TotalSeconds,
    });

    public static void Latency(RunnerArguments arguments, TimeSpan enqueue, double[] milliseconds)
    {
        Array.Sort(milliseconds);
        Write(new Dictionary<string, object>
        {
            ["target"] = Target,
            ["mode"] = "latency",
            ["batch"] = 1,
            ["jobs"] = milliseconds.Length,
            ["workers"] = arguments.Workers,
            ["rate"] = arguments.Rate,
            ["seconds"] = enqueue.TotalSeconds,
            ["p50_ms"] = Percentile(milliseconds, 0.50),
            ["p99_ms"] = Percentile(milliseconds, 0.99),
            ["max_ms"] = milliseconds[^1],
        });
    }

    // Nearest rank on sorted values.
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Write(Dictionary<string, object> fields) =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{JsonSerializer.Serialize(fields)}"));
}
