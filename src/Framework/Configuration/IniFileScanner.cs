namespace Fwk;

/// <summary>
/// Checks the syntax of an ini file line by line before the configuration system reads it,
/// so a malformed file is reported with its name and line number, and remembers where each
/// key was written so later value errors can point at the same line.
/// </summary>
internal static class IniFileScanner
{
    /// <summary>Scans <paramref name="path"/>, adding the location of every key to <paramref name="locations"/>; returns its section names.</summary>
    /// <exception cref="ConfigurationException">The file has a line that is neither a section, a key, a comment nor blank, or sets a key twice.</exception>
    public static IReadOnlyList<string> Scan(string path, ConfigLocations locations)
    {
        var sections = new List<string>();
        var fileName = Path.GetFileName(path);
        var keyLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is ';' or '#' or '/')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw new ConfigurationException($"{fileName}, line {lineNumber}: a section header must look like [name], got {Shown(line)}.");
                }

                section = line[1..^1].Trim();
                sections.Add(section);
                locations.RecordSection(section, $"{fileName}, line {lineNumber}");
                continue;
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new ConfigurationException($"{fileName}, line {lineNumber}: expected 'key = value' or '[section]', got {Shown(line)}.");
            }

            var key = line[..separator].Trim();
            if (section is null)
            {
                throw new ConfigurationException($"{fileName}, line {lineNumber}: key '{key}' is outside any [section].");
            }

            // The configuration system rejects a repeated key too, but without naming the line.
            if (!keyLines.TryAdd($"{section}:{key}", lineNumber))
            {
                throw new ConfigurationException($"{fileName}, line {lineNumber}: key '{key}' of [{section}] is already set on line {keyLines[$"{section}:{key}"]}.");
            }

            locations.Record(section, key, $"{fileName}, line {lineNumber}");
        }

        return sections;
    }

    // A malformed line may hold a secret ("password: s3cret"): it is quoted only when it does not look like one.
    private static string Shown(string line) => ConfigReader.IsSecret(line) ? "a line that mentions a secret (hidden)" : $"'{line}'";
}
