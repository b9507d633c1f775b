using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness;

/// <summary>
/// What one wrk run reports: requests/s, the 99th percentile latency, non-2xx answers and socket errors; and, measured
/// around it, the CPU milliseconds per request of the target and of PostgreSQL (NaN when not measured).
/// </summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P99Milliseconds, long Requests, long Non2xx, long SocketErrors)
{
    public double AppCpuMilliseconds { get; init; } = double.NaN;

    public double DatabaseCpuMilliseconds { get; init; } = double.NaN;

    /// <summary>The request's whole CPU cost on this machine: the target's and PostgreSQL's.</summary>
    public double CpuMilliseconds => AppCpuMilliseconds + DatabaseCpuMilliseconds;

    /// <summary>True when every request was answered 2xx (wrk counts 3xx as errors too) and no socket failed.</summary>
    public bool Clean => Requests > 0 && Non2xx == 0 && SocketErrors == 0;

    public static WrkResult Parse(string output)
    {
        var p99 = P99Line().Match(output);
        var errors = SocketErrorsLine().Match(output);
        return new(
            double.Parse(RequestsPerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            p99.Success ? Milliseconds(p99.Groups[1].Value, p99.Groups[2].Value) : double.NaN,
            long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Non2xxLine().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            errors.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(errors.Groups[i].Value, CultureInfo.InvariantCulture)) : 0);
    }

    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        _ => 60_000,
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99Line();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
