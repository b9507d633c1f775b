using System.Diagnostics;
using System.Text;

namespace Fwk.Db.Tests.Sample;

/// <summary>
/// The real sample (samples/UsersApp) as a child process: <c>dotnet UsersApp.dll [verb]</c> in the sample's directory (so
/// its config.ini is read), with <c>FWK_SECTION__KEY</c> overrides. Disposing kills the whole process tree.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The sample's project directory, found from the repository root above the test assembly.</summary>
    public static string SampleDirectory => Path.Combine(RepositoryRoot(), "samples", "UsersApp");

    /// <summary>The built UsersApp.dll of the same configuration and target framework as this test assembly.</summary>
    public static string SampleAssembly
    {
        get
        {
            // AppContext.BaseDirectory is …/tests/Framework.Db.Tests/bin/<Configuration>/<tfm>/
            var targetDirectory = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var configuration = targetDirectory.Parent?.Name ?? "Debug";
            var path = Path.Combine(SampleDirectory, "bin", configuration, targetDirectory.Name, "UsersApp.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The sample is not built at {path}; build the test project (it references the sample).", path);
        }
    }

    /// <summary>Starts <c>dotnet UsersApp.dll <paramref name="args"/></c>.</summary>
    public static SampleProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
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

        // Only the test's settings: nothing from the test runner's own environment may pick another config or address.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("FWK_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_URLS" or "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(process);
        process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        process.Start();
        process.StandardInput.Close(); // non-interactive
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Runs a verb to completion (bounded) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan limit)
    {
        using var sample = Start(args, environment);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await sample._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"'{string.Join(' ', args)}' did not finish within {limit.TotalSeconds:0} s:\n{sample.Output}");
        }

        return (sample.ExitCode, sample.Output);
    }

    public void Dispose()
    {
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
            // Not started or already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // The dotnet host that runs this test (the SDK sets DOTNET_HOST_PATH for the processes it starts).
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string RepositoryRoot()
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
}
