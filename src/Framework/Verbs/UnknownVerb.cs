using System.CommandLine;
using System.CommandLine.Parsing;

namespace Fwk;

/// <summary>
/// The one line that answers a verb that does not exist, with the nearest verb ("did you mean …?"). Shared by a
/// project's verbs and the fwk command (which compiles this file in), so both answer a typo the same way.
/// </summary>
internal static class UnknownVerb
{
    /// <summary>
    /// When parsing stopped at a command that has verbs and takes no argument, and the next word names none of its verbs:
    /// the line naming the word and the nearest verb, or else the help that lists them (<paramref name="program"/>
    /// <c>--help</c>). Null for any other usage error.
    /// </summary>
    public static string? Describe(ParseResult parse, string program)
    {
        var command = parse.CommandResult.Command;
        if (command.Subcommands.Count == 0 || command.Arguments.Count > 0 || parse.UnmatchedTokens is not [var word, ..] || word.StartsWith('-'))
        {
            return null;
        }

        var path = Path(parse.CommandResult);
        var verbs = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        var help = string.Join(' ', [program, .. path, "--help"]);
        var unknown = string.Join(' ', [.. path, word]);
        return NearestName.Of(word, verbs) is { } nearest
            ? $"Unknown verb '{unknown}': did you mean '{string.Join(' ', [.. path, nearest])}'? ({help} lists every verb)"
            : $"Unknown verb '{unknown}' ({help} lists every verb).";
    }

    /// <summary>The verbs (not the program) from the root down to where parsing stopped: <c>["db"]</c> for <c>db upgrad</c>.</summary>
    public static string[] Path(CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }

        return [.. names];
    }
}
