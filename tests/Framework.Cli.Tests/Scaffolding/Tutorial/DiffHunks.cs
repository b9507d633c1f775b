namespace Fwk.Cli.Tests.Tutorial;

/// <summary>
/// Applies a README diff block to a file's text. Hunks are separated by <c>@@</c> lines; in each, lines starting with a space
/// (or empty) are context, <c>-</c> removed, <c>+</c> added. The hunk's old lines must occur exactly once in the file.
/// </summary>
public static class DiffHunks
{
    public static string Apply(string text, IReadOnlyList<string> diff)
    {
        text = text.ReplaceLineEndings("\n");
        foreach (var hunk in Split(diff))
        {
            var before = string.Join('\n', hunk.Where(l => l.Length == 0 || l[0] is ' ' or '-').Select(Body));
            var after = string.Join('\n', hunk.Where(l => l.Length == 0 || l[0] is ' ' or '+').Select(Body));
            var at = text.IndexOf(before, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(before, at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"The hunk's old lines occur {(at < 0 ? "nowhere" : "more than once")} in the file:\n{before}\n--- file ---\n{text}");
            }

            text = string.Concat(text.AsSpan(0, at), after, text.AsSpan(at + before.Length));
        }

        return text;
    }

    private static string Body(string line) => line.Length == 0 ? line : line[1..];

    private static IEnumerable<List<string>> Split(IReadOnlyList<string> diff)
    {
        var hunk = new List<string>();
        foreach (var line in diff)
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                if (hunk.Count > 0)
                {
                    yield return hunk;
                }

                hunk = [];
            }
            else if (line.Length > 0 && line[0] is not (' ' or '-' or '+'))
            {
                throw new FormatException($"A diff line must start with a space, - or +: {line}");
            }
            else
            {
                hunk.Add(line);
            }
        }

        if (hunk.Count > 0)
        {
            yield return hunk;
        }
    }
}
