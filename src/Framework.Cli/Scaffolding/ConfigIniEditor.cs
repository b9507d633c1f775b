using System.Text.RegularExpressions;

namespace Fwk.Cli;

/// <summary>Activates an app in config.ini, changing one line (or adding one) and keeping every other byte as it was.</summary>
internal static partial class ConfigIniEditor
{
    /// <summary>
    /// Returns <paramref name="text"/> with <paramref name="appName"/> appended to <c>[apps] active</c>: the line is
    /// created when missing (right after <c>[apps]</c>), the section when missing (at the end). Unchanged when the app
    /// is already listed.
    /// </summary>
    public static string Activate(string text, string appName)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = SplitKeepingEndings(text);
        var header = lines.FindIndex(line => SectionName(line) is { } name && name.Equals("apps", StringComparison.OrdinalIgnoreCase));
        if (header < 0)
        {
            var separator = text.Length == 0 ? string.Empty : text.EndsWith('\n') ? newline : newline + newline;
            return text + separator + "[apps]" + newline + "active = " + appName + newline;
        }

        for (var i = header + 1; i < lines.Count && SectionName(lines[i]) is null; i++)
        {
            var match = ActiveLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["value"].Value;
            var listed = value.Split(',', StringSplitOptions.TrimEntries).Contains(appName, StringComparer.OrdinalIgnoreCase);
            if (listed)
            {
                return text;
            }

            var key = match.Groups["key"].Value;
            var empty = value.Trim().Length == 0;
            var separator = empty && !key.EndsWith(' ') && !key.EndsWith('\t') ? " " : string.Empty;
            var updated = empty ? appName : value.TrimEnd() + ", " + appName;
            lines[i] = key + separator + updated + match.Groups["trailing"].Value + match.Groups["end"].Value;
            return string.Concat(lines);
        }

        if (!lines[header].EndsWith('\n'))
        {
            lines[header] += newline;
        }

        lines.Insert(header + 1, "active = " + appName + newline);
        return string.Concat(lines);
    }

    // The section of a "[name]" line, null for any other line.
    private static string? SectionName(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 3 && trimmed[0] == '[' && trimmed[^1] == ']' ? trimmed[1..^1].Trim() : null;
    }

    private static List<string> SplitKeepingEndings(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }

        return lines;
    }

    [GeneratedRegex(@"^(?<key>\s*active\s*=[ \t]*)(?<value>.*?)(?<trailing>[ \t]*)(?<end>\r?\n?)\z", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ActiveLine();
}
