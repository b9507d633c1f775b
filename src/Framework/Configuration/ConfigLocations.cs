namespace Fwk;

/// <summary>Where each configuration key (and each section header) was last set: a file and line, or an environment variable.</summary>
internal sealed class ConfigLocations
{
    private readonly Dictionary<string, (string Section, string Key, string Location)> _locations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _sections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key that was set, with its section and where it was last set.</summary>
    public IEnumerable<(string Section, string Key, string Location)> Keys => _locations.Values;

    /// <summary>Every section that was written or overridden, with where it first appeared.</summary>
    public IEnumerable<(string Section, string Location)> Sections => _sections.Select(s => (s.Key, s.Value));

    /// <summary>Records that <paramref name="section"/>.<paramref name="key"/> was set at <paramref name="location"/>; later records win, as in the configuration itself.</summary>
    public void Record(string section, string key, string location)
    {
        _locations[$"{section}:{key}"] = (section, key, location);
        _sections.TryAdd(section, location);
    }

    /// <summary>Records the header of <paramref name="section"/> at <paramref name="location"/> (the first one counts).</summary>
    public void RecordSection(string section, string location) => _sections.TryAdd(section, location);

    /// <summary>Describes where the key was set, for error messages.</summary>
    public string Describe(string section, string key) =>
        _locations.TryGetValue($"{section}:{key}", out var entry) ? entry.Location : "default";
}
