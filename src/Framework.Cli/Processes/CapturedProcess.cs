using System.Diagnostics;

namespace Fwk.Cli;

/// <summary>Runs a child process with its output captured (used for the build).</summary>
internal static class CapturedProcess
{
    // Build servers the child leaves behind may hold its output pipes open; after the exit, wait this long at most.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> (no shell) in <paramref name="workingDirectory"/>
    /// and returns its exit code and output. Ctrl+C and SIGTERM are forwarded to it; cancelling kills it.
    /// </summary>
    public static async Task<ProcessOutput> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = ChildProcess.Start(startInfo);
        using var forwarder = new SignalForwarder(process);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(DrainTimeout, CancellationToken.None));
        return new ProcessOutput(process.ExitCode, Completed(output), Completed(error));
    }

    private static string Completed(Task<string> text) => text.IsCompletedSuccessfully ? text.Result : string.Empty;
}
