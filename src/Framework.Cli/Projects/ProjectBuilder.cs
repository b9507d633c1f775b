namespace Fwk.Cli;

/// <summary>Builds a project with <c>dotnet build</c> and finds the assembly to run.</summary>
internal static class ProjectBuilder
{
    /// <summary>
    /// Runs <c>dotnet build PROJECT -nologo -v q -t:Build -getProperty:TargetPath</c> in the project directory: a normal
    /// (restoring, incremental) build that prints the built assembly's path on success. After a successful build,
    /// records <paramref name="inputs"/> (the fingerprint taken before it; none when null) with the output's, so the
    /// next verb can skip the build while nothing changed.
    /// </summary>
    public static async Task<BuildResult> BuildAsync(ProjectFile project, string? inputs, CancellationToken cancellationToken)
    {
        var build = await RunAsync(project, ["build", project.Path, "-nologo", "-v", "q", "-tl:off", "-t:Build", "-getProperty:TargetPath"], cancellationToken);
        if (build.Succeeded && inputs is not null)
        {
            new BuildStamp(inputs, BuildFingerprint.OfOutputs(build.TargetPath!), build.TargetPath!).Write(project);
        }

        return build;
    }

    /// <summary>
    /// Finds the assembly of the last build without building (<c>dotnet msbuild PROJECT -getProperty:TargetPath</c>
    /// only evaluates the project); fails when it does not exist yet.
    /// </summary>
    public static Task<BuildResult> LocateAsync(ProjectFile project, CancellationToken cancellationToken) =>
        RunAsync(project, ["msbuild", project.Path, "-nologo", "-tl:off", "-getProperty:TargetPath"], cancellationToken);

    private static async Task<BuildResult> RunAsync(ProjectFile project, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await CapturedProcess.RunAsync(DotnetHost.Path, arguments, project.Directory, cancellationToken);
        var lines = Lines(result.StandardOutput);
        var target = lines.LastOrDefault(line => Path.IsPathRooted(line) && line.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        var output = string.Join(Environment.NewLine, lines.Where(line => line != target).Concat(Lines(result.StandardError)));
        if (result.ExitCode != 0)
        {
            return new BuildResult(false, null, output.Length > 0 ? output : $"`dotnet {arguments[0]}` exited with code {result.ExitCode}.");
        }

        if (target is null)
        {
            return new BuildResult(false, null, $"MSBuild did not report the project's assembly (TargetPath); fwk needs a single-target project.\n{output}");
        }

        return File.Exists(target)
            ? new BuildResult(true, target, output)
            : new BuildResult(false, null, $"{target} does not exist: build the project first (run fwk without --no-build).");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
