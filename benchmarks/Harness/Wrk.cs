using System.Globalization;

namespace Harness;

/// <summary>Runs wrk (one thread, so the load generator takes one of the machine's cores at most) against 127.0.0.1.</summary>
internal static class Wrk
{
    private static int _runs;

    public static async Task<WrkResult> RunAsync(RunningApp app, Scenario scenario, TimeSpan duration, int connections)
    {
        List<string> arguments =
        [
            "-t1", $"-c{connections}", $"-d{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s", "--latency",
            "--timeout", "5s",
        ];
        if (scenario.Script is { } script)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(new Uri(app.Url, scenario.Path).ToString());
        if (scenario.Script is not null)
        {
            // The script's argument: a prefix no earlier run used, so every POST inserts a new row.
            arguments.AddRange(["--", $"{Environment.ProcessId}x{Interlocked.Increment(ref _runs)}"]);
        }

        var output = await ChildProcess.RunAsync("wrk", arguments, Environment.CurrentDirectory, new Dictionary<string, string>(), duration * 3 + TimeSpan.FromSeconds(10));
        return WrkResult.Parse(output);
    }
}
