using System.Diagnostics;
using System.Net;
using System.Text;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>
/// scripts/run-sample.sh, the README's first command, on the sample's own managed PostgreSQL (samples/UsersApp/.fwk/):
/// when the sample stops, the script stops the cluster it started and leaves running one it found running.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class RunSampleScriptTests(ITestOutputHelper output)
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly Dictionary<string, string> _sampleConfig = [];

    [Fact]
    public async Task RunSample_WhenTheSampleStops_StopsOnlyTheDatabaseItStarted()
    {
        // A cluster someone already runs is not this test's to stop: then only the "leave it running" half can run.
        var wasRunning = await ClusterRunsAsync();
        if (!wasRunning)
        {
            await ServeThenSignalAsync(SigTerm);
            Assert.False(await ClusterRunsAsync(), "run-sample.sh left running the PostgreSQL it started.");
            Assert.Equal(0, (await SampleServer.RunAsync(_sampleConfig, "db", "start")).ExitCode);
        }

        try
        {
            await ServeThenSignalAsync(SigInt);
            Assert.True(await ClusterRunsAsync(), "run-sample.sh stopped a PostgreSQL that was running before it started.");
        }
        finally
        {
            if (!wasRunning)
            {
                await SampleServer.RunAsync(_sampleConfig, "db", "stop");
            }
        }
    }

    private static async Task<bool> ClusterRunsAsync()
    {
        var (exitCode, status) = await SampleServer.RunAsync(_sampleConfig, "db", "status");
        Assert.True(exitCode == 0, status);
        return status.Contains("running (", StringComparison.Ordinal);
    }

    // Runs the script on a free port until the sample answers, sends it the signal, and waits (bounded) for it to exit 0.
    private async Task ServeThenSignalAsync(int signal)
    {
        var port = SampleServer.FreePort();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(SampleServer.RepositoryRoot(), "scripts", "run-sample.sh"));
        start.Environment["FWK_NETWORKING__URLS"] = $"http://127.0.0.1:{port}";
        var log = new StringBuilder();
        using var script = new Process { StartInfo = start };
        script.OutputDataReceived += (_, e) => Append(log, e.Data);
        script.ErrorDataReceived += (_, e) => Append(log, e.Data);
        script.Start();
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            await WaitUntilServingAsync(port, script, log);
            var clock = Stopwatch.StartNew();
            SampleServer.Signal(script.Id, signal);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await script.WaitForExitAsync(timeout.Token);
            script.WaitForExit();
            output.WriteLine($"run-sample.sh: signal {signal}, exited {script.ExitCode} {clock.Elapsed.TotalSeconds:0.0} s later");
            Assert.True(script.ExitCode == 0, Text(log));
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task WaitUntilServingAsync(int port, Process script, StringBuilder log)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            Assert.False(script.HasExited, $"run-sample.sh exited before serving:\n{Text(log)}");
            try
            {
                using var response = await client.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // building, or not listening yet
            }

            await Task.Delay(200);
        }

        Assert.Fail($"run-sample.sh did not serve within 4 minutes:\n{Text(log)}");
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
