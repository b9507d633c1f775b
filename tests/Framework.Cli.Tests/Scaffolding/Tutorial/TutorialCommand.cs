namespace Fwk.Cli.Tests.Tutorial;

/// <summary>
/// A <c>$ command</c> line of a console block and the output lines the README shows under it: each must be a line of the
/// command's output, except <c>…</c> (lines left out). A run of 14 digits (a migration's timestamp) matches any 14 digits.
/// </summary>
public sealed record TutorialCommand(string Line, IReadOnlyList<string> Output) : TutorialStep
{
    /// <summary>The command line split into words as a shell would (quotes removed).</summary>
    public IReadOnlyList<string> Words => ShellWords.Split(Line);

    /// <summary>The output lines that must appear (the shown ones, without <c>…</c>).</summary>
    public IEnumerable<string> ExpectedLines => Output.Where(line => line.Trim() is not ("…" or ""));
}
