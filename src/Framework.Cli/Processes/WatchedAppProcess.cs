using System.Diagnostics;

namespace Fwk.Cli;

/// <summary>
/// Runs a project under <c>dotnet watch</c> (the SDK's hot reload), sharing fwk's terminal: a saved edit is compiled
/// and applied to the running app in place; an edit hot reload cannot apply restarts the app (a new process: startup
/// and shutdown hooks run again; a managed database keeps running, it is not the app's to stop).
/// </summary>
internal static class WatchedAppProcess
{
    // After Ctrl+C, how long the app may take to shut down gracefully before it is killed.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <c>dotnet watch --project PROJECT -- ARGUMENTS</c> in the project directory, with
    /// <c>DOTNET_WATCH_RESTART_ON_RUDE_EDIT=1</c> unless set (restart without asking). Ctrl+C and SIGTERM go to the
    /// watcher and to the app, as on a terminal; once the app has shut down (killed after 30 s) the watcher, which then
    /// only waits for the next edit, is stopped with everything under it. Returns 0 after a graceful stop, 1 when the
    /// app had to be killed, else the watcher's exit code. Cancelling kills them all.
    /// </summary>
    public static async Task<int> RunAsync(ProjectFile project, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path) { UseShellExecute = false, WorkingDirectory = project.Directory };
        string[] watch = ["watch", "--project", project.Path, .. Console.IsInputRedirected ? ["--non-interactive"] : Array.Empty<string>(), "--"];
        foreach (var argument in watch.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (Environment.GetEnvironmentVariable("DOTNET_WATCH_RESTART_ON_RUDE_EDIT") is null)
        {
            startInfo.Environment["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"] = "1";
        }

        using var process = ChildProcess.Start(startInfo);
        using var forwarder = new SignalForwarder(process, wholeTree: true);
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            if (await Task.WhenAny(exited, forwarder.Forwarded) == exited)
            {
                await exited;
                return process.ExitCode;
            }

            var graceful = await forwarder.WaitForSignalledAsync(ShutdownTimeout);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken);
            return graceful ? ExitCodes.Ok : ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
