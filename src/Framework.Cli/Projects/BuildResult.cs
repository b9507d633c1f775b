namespace Fwk.Cli;

/// <summary>The outcome of building a project.</summary>
/// <param name="Succeeded">True when the build succeeded and reported the project's assembly.</param>
/// <param name="TargetPath">The built assembly (<c>bin/…/Project.dll</c>) when <paramref name="Succeeded"/>.</param>
/// <param name="Output">What the build printed (errors and warnings), to show when it failed.</param>
internal sealed record BuildResult(bool Succeeded, string? TargetPath, string Output);
