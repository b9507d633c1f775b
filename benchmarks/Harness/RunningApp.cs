using System.Diagnostics;
using System.Globalization;

namespace Harness;

/// <summary>A started target: waits for its first 200, reads its resident memory, and is killed when disposed.</summary>
internal sealed class RunningApp(string name, Uri url, Process process) : IDisposable
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public string Name => name;

    public Uri Url => url;

    /// <summary>Polls <paramref name="path"/> every 5 ms for up to <paramref name="timeout"/>; returns the time from process start to its first 200.</summary>
    public async Task<TimeSpan> WaitForOkAsync(string path, TimeSpan timeout)
    {
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before answering {path}.");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri(url, path));
                if (response.IsSuccessStatusCode)
                {
                    return _sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{name} did not answer 200 on {path} within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>The CPU time the app used so far.</summary>
    public TimeSpan CpuTime() => Harness.CpuTime.Of(process.Id);

    /// <summary>Resident set size in MB (VmRSS of /proc/PID/status).</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
