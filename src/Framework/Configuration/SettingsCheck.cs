namespace Fwk;

/// <summary>
/// Compares what config.ini (and the <c>FWK_</c> variables) set with <see cref="KnownSettings"/>: a misspelt key of a
/// declared section is an error (<c>debg = true</c> would otherwise be ignored), a section nobody declared a warning.
/// </summary>
internal static class SettingsCheck
{
    /// <summary>The largest edit distance (insertions, deletions, substitutions, swaps) a suggestion may have.</summary>
    public const int MaxDistance = 2;

    /// <summary>Throws a <see cref="ConfigurationException"/> naming every key of a declared section that is not declared.</summary>
    public static void ThrowOnUnknownKeys(KnownSettings known, ConfigLocations locations)
    {
        var problems = new List<string>();
        foreach (var (section, key, location) in locations.Keys.OrderBy(k => k.Location, StringComparer.Ordinal))
        {
            if (known.TryGet(section, out var keys) && keys is not null && !keys.Contains(key))
            {
                var hint = Nearest(key, keys) is { } nearest
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
                var hint = Nearest(section, names) is { } nearest ? $" (did you mean [{nearest}]?)" : string.Empty;
                warnings.Add($"{location}: section [{section}] is not one Fwk reads{hint}; it stays readable by apps.");
            }
        }

        return warnings;
    }

    /// <summary>The candidate closest to <paramref name="name"/> (ignoring case), when it is at most <see cref="MaxDistance"/> edits away.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();

    /// <summary>The Damerau–Levenshtein distance (optimal string alignment) between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
