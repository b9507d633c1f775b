namespace Fwk.Cli.Tests.Tutorial;

/// <summary>A <c>diff</c> block: edits to <see cref="Path"/> (relative to the project) as hunks of old and new lines.</summary>
public sealed record TutorialEdit(string Path, IReadOnlyList<string> Lines) : TutorialStep;
