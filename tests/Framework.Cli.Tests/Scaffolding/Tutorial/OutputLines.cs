using System.Text.RegularExpressions;

namespace Fwk.Cli.Tests.Tutorial;

/// <summary>
/// Whether an output line the README shows is a line of what a command printed: the same line, except that a run of 14
/// digits (a migration's timestamp) stands for any 14 digits and a line ending in <c>…</c> is cut there (durations follow).
/// </summary>
public static class OutputLines
{
    public static bool Contains(string output, string shown)
    {
        var cut = shown.EndsWith('…');
        var pattern = Regex.Replace(Regex.Escape(cut ? shown[..^1] : shown), @"\d{14}", @"\d{14}");
        var line = new Regex($"^{pattern}{(cut ? string.Empty : "$")}", RegexOptions.None, TimeSpan.FromSeconds(1));
        return output.ReplaceLineEndings("\n").Split('\n').Any(actual => line.IsMatch(actual.TrimEnd()));
    }
}
