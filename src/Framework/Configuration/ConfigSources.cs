using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Fwk;

/// <summary>
/// Adds the project's configuration sources in precedence order: <c>config.ini</c>, then
/// <c>config.&lt;FWK_ENV&gt;.ini</c> layered over it, then <c>FWK_SECTION__KEY</c> environment variables. Shells allow no
/// dot in a variable name, so a dot in a section name is written <c>_</c>: <c>FWK_DATABASE_AUDIT__PASSWORD</c> overrides
/// <c>[database.audit] password</c>.
/// </summary>
internal static class ConfigSources
{
    /// <summary>Prefix of environment variables that override config.ini keys.</summary>
    public const string EnvironmentPrefix = "FWK_";

    /// <summary>The file name of the base configuration.</summary>
    public const string FileName = "config.ini";

    /// <summary>Checks and adds the sources, recording in <paramref name="locations"/> where each key was set. Missing files are skipped.</summary>
    public static void Add(IConfigurationBuilder builder, string directory, string? environment, IDictionary environmentVariables, ConfigLocations locations)
    {
        var sections = new List<string>(AddIni(builder, Path.Combine(directory, FileName), locations));
        if (!string.IsNullOrWhiteSpace(environment))
        {
            sections.AddRange(AddIni(builder, Path.Combine(directory, $"config.{environment}.ini"), locations));
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environmentVariables)
        {
            var name = (string)entry.Key;
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || name.Equals("FWK_ENV", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = name[EnvironmentPrefix.Length..].Split("__", 2);
            if (parts.Length == 2)
            {
                var section = SectionOf(parts[0], sections);
                overrides[$"{section}:{parts[1]}"] = entry.Value as string;
                locations.Record(section, parts[1], $"environment variable {name}");
            }
        }

        builder.AddInMemoryCollection(overrides);
    }

    // The ini section a variable's section names: one whose dots read as underscores, else a bind ('DATABASE_NAME'), else as written.
    private static string SectionOf(string variableSection, List<string> sections) =>
        sections.FirstOrDefault(s => s.Replace('.', '_').Equals(variableSection, StringComparison.OrdinalIgnoreCase))
        ?? (variableSection.StartsWith("DATABASE_", StringComparison.OrdinalIgnoreCase) ? "database." + variableSection["DATABASE_".Length..] : variableSection);

    private static IReadOnlyList<string> AddIni(IConfigurationBuilder builder, string path, ConfigLocations locations)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var sections = IniFileScanner.Scan(path, locations);
        builder.AddIniFile(path, optional: false, reloadOnChange: false);
        return sections;
    }
}
