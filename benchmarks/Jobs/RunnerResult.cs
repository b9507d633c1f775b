using System.Text.Json;

namespace JobsBench;

/// <summary>
/// A runner's result line, the protocol's JSON object. Every line has <c>target</c>, <c>mode</c>, <c>batch</c>, <c>jobs</c>
/// and <c>seconds</c>; a throughput line <c>jobs_per_s</c> (and optionally <c>enqueue_seconds</c>, <c>enqueue_per_s</c>),
/// a latency line <c>p50_ms</c> and <c>p99_ms</c> (and optionally <c>max_ms</c>).
/// </summary>
internal sealed record RunnerResult(string Target, int Jobs, double Seconds, double JobsPerSecond, double EnqueuePerSecond, double P50, double P99, double Max)
{
    public static RunnerResult Parse(string line, Measurement measurement, int expectedJobs)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        double Number(string name, bool required) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : required ? throw new FormatException($"The result line has no number \"{name}\": {line}") : double.NaN;

        var mode = root.GetProperty("mode").GetString();
        if (mode != (measurement.Latency ? "latency" : "throughput") || (int)Number("batch", true) != measurement.Batch)
        {
            throw new FormatException($"The result line is not for {measurement.Name}: {line}");
        }

        var jobs = (int)Number("jobs", true);
        if (jobs != expectedJobs)
        {
            throw new FormatException($"The runner reports {jobs} jobs, not the {expectedJobs} it was given: {line}");
        }

        return new RunnerResult(
            root.GetProperty("target").GetString() ?? "",
            jobs,
            Number("seconds", true),
            Number("jobs_per_s", !measurement.Latency),
            Number("enqueue_per_s", false),
            Number("p50_ms", measurement.Latency),
            Number("p99_ms", measurement.Latency),
            Number("max_ms", false));
    }
}
