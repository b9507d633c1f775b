using System.Diagnostics;
using System.Globalization;

namespace Fwk.Cli;

/// <summary>Runs a verb in a project: find it, build it, run the verb inside the app's own process.</summary>
internal static class ProjectRunner
{
    /// <summary>
    /// Finds the project at <paramref name="location"/>, builds it (unless <paramref name="noBuild"/>) and runs it with
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

        Terminal.Progress(noBuild ? $"Finding the last build of {project.Name}…" : $"Building {project.Name}…");
        var started = Stopwatch.GetTimestamp();
        var build = noBuild
            ? await ProjectBuilder.LocateAsync(project, cancellationToken)
            : await ProjectBuilder.BuildAsync(project, cancellationToken);
        if (!build.Succeeded)
        {
            Terminal.Error(noBuild ? $"No build of {project.Name} to run ({project.Path}):" : $"Build of {project.Name} failed ({project.Path}):");
            Terminal.Plain(build.Output);
            return ExitCodes.Failure;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var verb = string.Join(' ', appArguments);
        var done = noBuild ? "Found" : "Built";
        Terminal.Progress(verb == "run"
            ? $"{done} {project.Name} in {seconds}s. Starting it (Ctrl+C to stop)…"
            : $"{done} {project.Name} in {seconds}s. Running {verb}…");

        var exitCode = await AppProcess.RunAsync(build.TargetPath!, appArguments, project.Directory, cancellationToken);
        if (exitCode is ExitCodes.Ok or ExitCodes.Failure or ExitCodes.Usage)
        {
            return exitCode;
        }

        Terminal.Error($"{project.Name} exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}.");
        return ExitCodes.Failure;
    }
}
