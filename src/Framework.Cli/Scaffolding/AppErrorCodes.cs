using System.Globalization;
using System.Text.RegularExpressions;

namespace Fwk.Cli;

/// <summary>
/// The error codes of scaffolded apps: each takes a hundred of its own (1101, 1301, …) past every app code the project's
/// source already names, so a new app's codes never clash with another's (1000–1099 are Fwk's, 1200–1299 Fwk.Accounts').
/// </summary>
internal static partial class AppErrorCodes
{
    /// <summary>The first code of a project's first scaffolded app: 1101.</summary>
    public const int First = 1101;

    /// <summary>The hundreds Fwk's own packages register codes in (Fwk.Accounts: 1200–1219), never given to an app.</summary>
    private static readonly int[] Reserved = [1200];

    // Folders whose .cs files register no codes of their own: build output, the managed database, tests and migrations.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".fwk", TestTemplates.Folder, "Migrations" };

    /// <summary>
    /// The first code of the hundred after the highest app code (1100 or more) that a <c>const int</c> or an
    /// <c>Errors.Add(…)</c> of the project's .cs files names, skipping <see cref="Reserved"/>; <see cref="First"/> when there
    /// is none.
    /// </summary>
    public static int Next(string projectDirectory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var highest = Directory.EnumerateFiles(projectDirectory, "*.cs", options)
            .Where(file => !Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .SelectMany(file => Code().Matches(File.ReadAllText(file)))
            .Select(match => int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture))
            .Where(code => code >= First - 1)
            .DefaultIfEmpty(First - 101)
            .Max();
        var next = ((highest / 100) + 1) * 100;
        while (Reserved.Contains(next))
        {
            next += 100;
        }

        return next + 1;
    }

    [GeneratedRegex(@"(?:\bconst\s+int\s+\w+\s*=\s*|\bErrors\.Add\(\s*)(?<code>\d{4,6})\b")]
    private static partial Regex Code();
}
