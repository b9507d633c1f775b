using System.Diagnostics;

namespace Fwk.Cli;

/// <summary>Runs a built project with a verb, in the project directory, sharing fwk's terminal.</summary>
internal static class AppProcess
{
    /// <summary>
    /// Runs <c>dotnet TARGET ARGUMENTS</c> in <paramref name="workingDirectory"/> with fwk's own stdin, stdout and stderr
    /// (so the app's output streams as it comes, with its own colours, and drop_db can ask for confirmation).
    /// Ctrl+C and SIGTERM are forwarded to the app; fwk waits for it and returns its exit code.
    /// Cancelling kills the app.
    /// </summary>
    public static async Task<int> RunAsync(
        string targetPath, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        startInfo.ArgumentList.Add(targetPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = ChildProcess.Start(startInfo);
        using var forwarder = new SignalForwarder(process);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }
}
