using System.Globalization;

namespace JobsHangfire;

/// <summary>
/// The jobs benchmark's common runner protocol (see benchmarks/Jobs): <c>--connection</c> (an Npgsql connection string),
/// <c>--mode throughput|latency</c>, <c>--jobs N</c>, <c>--batch B</c>, <c>--workers W</c> and, for latency, <c>--rate R</c>
/// (jobs enqueued per second, 200 by default).
/// </summary>
internal sealed record RunnerArguments(string Connection, bool Latency, int Jobs, int Batch, int Workers, int Rate)
{
    public static RunnerArguments Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index < args.Length - 1 ? args[index + 1]
                : fallback ?? throw new ArgumentException($"Missing {name}: usage --connection C --mode throughput|latency --jobs N --batch B --workers W [--rate R]");
        }

        int Number(string name, string fallback) => int.Parse(Value(name, fallback), CultureInfo.InvariantCulture);
        var mode = Value("--mode");
        if (mode is not ("throughput" or "latency"))
        {
            throw new ArgumentException($"--mode must be throughput or latency, not {mode}");
        }

        return new RunnerArguments(Value("--connection"), mode == "latency", Number("--jobs", "1000"), Number("--batch", "1"), Number("--workers", "4"), Number("--rate", "200"));
    }
}
