namespace Fwk;

/// <summary>
/// Compares what config.ini (and the <c>FWK_</c> variables) set with <see cref="KnownSettings"/>: a misspelt key of a
/// declared section is an error (<c>debg = true</c> would otherwise be ignored), a section nobody declared a warning.
/// </summary>
internal static class SettingsCheck
{
    /// <summary>Throws a <see cref="ConfigurationException"/> naming every key of a declared section that is not declared.</summary>
    public static void ThrowOnUnknownKeys(KnownSettings known, ConfigLocations locations)
    {
        var problems = new List<string>();
        foreach (var (section, key, location) in locations.Keys.OrderBy(k => k.Location, StringComparer.Ordinal))
        {
            if (known.TryGet(section, out var keys) && keys is not null && !keys.Contains(key))
            {
                var hint = NearestName.Of(key, keys) is { } nearest
                    ? $"did you mean '{nearest}'?"
                    : $"the keys of [{section}] are {string.Join(", ", keys.Order(StringComparer.Ordinal))}.";
                problems.Add($"{location}: [{section}] {key} is not a setting Fwk reads; {hint}");
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>A warning for each section no one declared, naming the nearest declared one when it is close.</summary>
    public static IReadOnlyList<string> UnknownSections(KnownSettings known, ConfigLocations locations)
    {
        var warnings = new List<string>();
        foreach (var (section, location) in locations.Sections.OrderBy(s => s.Location, StringComparer.Ordinal))
        {
            if (!known.TryGet(section, out _))
            {
                var names = known.Sections.Select(s => s.EndsWith(".*", StringComparison.Ordinal) ? s[..^2] : s);
                var hint = NearestName.Of(section, names) is { } nearest ? $" (did you mean [{nearest}]?)" : string.Empty;
                warnings.Add($"{location}: section [{section}] is not one Fwk reads{hint}; it stays readable by apps.");
            }
        }

        return warnings;
    }
}
