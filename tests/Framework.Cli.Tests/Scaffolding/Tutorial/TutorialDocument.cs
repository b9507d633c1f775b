namespace Fwk.Cli.Tests.Tutorial;

/// <summary>
/// README's "Tutorial" section read as steps, so the README and the test that follows it cannot drift. A code block is a
/// step when the line before it is a marker: <c>&lt;!-- tutorial --&gt;</c> before a <c>console</c> block (its <c>$ </c> lines
/// are commands, the lines under each its output), <c>&lt;!-- tutorial: edit PATH --&gt;</c> before a <c>diff</c> block.
/// </summary>
public static class TutorialDocument
{
    public const string Heading = "## Tutorial";
    private const string CommandMarker = "<!-- tutorial -->";
    private const string EditMarker = "<!-- tutorial: edit ";
    private const string MarkerEnd = " -->";

    public static IReadOnlyList<TutorialStep> Read(string readme)
    {
        var lines = Section(readme);
        var steps = new List<TutorialStep>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line == CommandMarker)
            {
                steps.AddRange(Commands(Block(lines, i + 1, "console")));
            }
            else if (line.StartsWith(EditMarker, StringComparison.Ordinal) && line.EndsWith(MarkerEnd, StringComparison.Ordinal))
            {
                var path = line[EditMarker.Length..^MarkerEnd.Length];
                steps.Add(new TutorialEdit(path, Block(lines, i + 1, "diff")));
            }
        }

        return steps;
    }

    private static List<string> Section(string readme)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, Heading);
        if (start < 0)
        {
            throw new FormatException($"README.md has no \"{Heading}\" section.");
        }

        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        return [.. lines[(start + 1)..(end < 0 ? lines.Length : end)]];
    }

    // The lines of the fenced block that opens at lines[open] with ```info.
    private static List<string> Block(List<string> lines, int open, string info)
    {
        if (open >= lines.Count || lines[open] != "```" + info)
        {
            throw new FormatException($"A tutorial marker must be followed by a ```{info} block (line: {(open < lines.Count ? lines[open] : "end")}).");
        }

        var close = lines.IndexOf("```", open + 1);
        if (close < 0)
        {
            throw new FormatException($"The ```{info} block at \"{lines[open + 1]}\" is not closed.");
        }

        return lines[(open + 1)..close];
    }

    private static IEnumerable<TutorialCommand> Commands(List<string> block)
    {
        string? command = null;
        var output = new List<string>();
        foreach (var line in block)
        {
            if (line.StartsWith("$ ", StringComparison.Ordinal))
            {
                if (command is not null)
                {
                    yield return new TutorialCommand(command, output);
                }

                (command, output) = (line[2..], []);
            }
            else if (command is null)
            {
                throw new FormatException($"Output before any command in a tutorial console block: {line}");
            }
            else
            {
                output.Add(line);
            }
        }

        if (command is not null)
        {
            yield return new TutorialCommand(command, output);
        }
    }
}
