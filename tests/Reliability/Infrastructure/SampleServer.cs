using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace Fwk.Reliability.Tests.Infrastructure;

/// <summary>
/// The real sample (samples/UsersApp, its own Program.cs and config.ini) as a child process on 127.0.0.1:
/// <c>dotnet UsersApp.dll [verb]</c> in the sample's directory, with <c>FWK_SECTION__KEY</c> overrides. Disposing kills it.
/// </summary>
internal sealed class SampleServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleServer(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 512 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public int Port { get; }

    public int Id => _process.Id;

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the sample serving on <paramref name="port"/> with <paramref name="settings"/> (<c>FWK_…</c> variables).</summary>
    public static SampleServer Start(int port, IReadOnlyDictionary<string, string> settings) =>
        Launch(port, [], new Dictionary<string, string>(settings) { ["FWK_NETWORKING__URLS"] = $"http://127.0.0.1:{port}" });

    /// <summary>Runs a verb to completion (bounded) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        using var sample = Launch(0, args, settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await sample._process.WaitForExitAsync(timeout.Token);
        sample._process.WaitForExit(); // the output's last lines
        return (sample._process.ExitCode, sample.Output);
    }

    /// <summary>Waits (bounded) until <c>GET /</c> answers 200.</summary>
    public async Task WaitUntilServingAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(HasExited, $"The sample exited before serving:\n{Output}");
            try
            {
                using var response = await Client.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The sample did not serve within 60 s:\n{Output}");
    }

    /// <summary>Sends SIGTERM (a graceful stop, as a service manager does).</summary>
    public void Terminate() => Signal(_process.Id, 15);

    /// <summary>Sends <paramref name="signal"/> (its number: 2 SIGINT, 15 SIGTERM) to process <paramref name="processId"/>.</summary>
    public static void Signal(int processId, int signal) => _ = Kill(processId, signal);

    /// <summary>Waits (bounded) for the process to exit and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Crash() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private static SampleServer Launch(int port, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = SampleDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SampleAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only the test's settings: nothing from the runner's own environment may pick another config or address.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("FWK_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_URLS" or "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var sample = new SampleServer(process, port);
        process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>samples/UsersApp of this repository.</summary>
    public static string SampleDirectory => Path.Combine(RepositoryRoot(), "samples", "UsersApp");

    // The UsersApp.dll built with the same configuration as this test assembly.
    private static string SampleAssembly
    {
        get
        {
            var target = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            return Path.Combine(SampleDirectory, "bin", target.Parent?.Name ?? "Debug", target.Name, "UsersApp.dll");
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The repository: the directory above this test assembly that holds Framework.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Framework.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
