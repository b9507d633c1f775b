using System.Diagnostics;
using System.Globalization;

namespace Fwk.Cli;

/// <summary>Runs a verb in a project: find it, build it, run the verb inside the app's own process.</summary>
internal static class ProjectRunner
{
    /// <summary>
    /// Finds the project at <paramref name="location"/>, builds it (unless <paramref name="noBuild"/>, or nothing
    /// changed since fwk last built it: see <see cref="BuildFingerprint"/>) and runs it with
    /// <paramref name="appArguments"/>. Returns the app's exit code (0 ok, 1 failure, 2 usage); 1 when no project is
    /// found or the build fails.
    /// </summary>
    public static async Task<int> RunAsync(string? location, IReadOnlyList<string> appArguments, bool noBuild, CancellationToken cancellationToken)
    {
        if (!ProjectLocator.TryFind(location, out var project, out var error))
        {
            Terminal.Error(error);
            return ExitCodes.Failure;
        }

        // Taken before building: a file changed while the build reads it makes the next verb build again.
        var started = Stopwatch.GetTimestamp();
        var inputs = BuildFingerprint.OfInputs(project);
        var current = BuildFingerprint.CurrentTarget(project, inputs);
        var verb = string.Join(' ', appArguments);
        var next = verb == "run" ? "Starting it (Ctrl+C to stop)…" : $"Running {verb}…";
        if (current is not null)
        {
            Terminal.Progress($"{project.Name} is up to date (nothing changed since fwk built it). {next}");
        }
        else
        {
            Terminal.Progress(noBuild ? $"Finding the last build of {project.Name}…" : $"Building {project.Name}…");
            var build = noBuild
                ? await ProjectBuilder.LocateAsync(project, cancellationToken)
                : await ProjectBuilder.BuildAsync(project, inputs, cancellationToken);
            if (!build.Succeeded)
            {
                Terminal.Error(noBuild ? $"No build of {project.Name} to run ({project.Path}):" : $"Build of {project.Name} failed ({project.Path}):");
                Terminal.Plain(build.Output);
                return ExitCodes.Failure;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            Terminal.Progress($"{(noBuild ? "Found" : "Built")} {project.Name} in {seconds}s. {next}");
            current = build.TargetPath!;
        }

        var exitCode = await AppProcess.RunAsync(current, appArguments, project.Directory, cancellationToken);
        if (exitCode is ExitCodes.Ok or ExitCodes.Failure or ExitCodes.Usage)
        {
            return exitCode;
        }

        return Failed(project, exitCode);
    }

    /// <summary>
    /// Finds the project at <paramref name="location"/> and serves it under <c>dotnet watch</c> with
    /// <paramref name="appArguments"/> (<see cref="WatchedAppProcess"/>), which builds it. Returns 0 after Ctrl+C;
    /// 1 when no project is found or the watcher fails.
    /// </summary>
    public static async Task<int> WatchAsync(string? location, IReadOnlyList<string> appArguments, CancellationToken cancellationToken)
    {
        if (!ProjectLocator.TryFind(location, out var project, out var error))
        {
            Terminal.Error(error);
            return ExitCodes.Failure;
        }

        Terminal.Progress($"Watching {project.Name}: dotnet watch builds and starts it, then applies each saved edit (Ctrl+C to stop)…");
        var exitCode = await WatchedAppProcess.RunAsync(project, appArguments, cancellationToken);
        return exitCode == ExitCodes.Ok ? exitCode : Failed(project, exitCode);
    }

    private static int Failed(ProjectFile project, int exitCode)
    {
        Terminal.Error($"{project.Name} exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}.");
        return ExitCodes.Failure;
    }
}
