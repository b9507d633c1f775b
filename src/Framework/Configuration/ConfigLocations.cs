namespace Fwk;

/// <summary>Where each configuration key was last set: a file and line, or an environment variable.</summary>
internal sealed class ConfigLocations
{
    private readonly Dictionary<string, string> _locations = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="section"/>.<paramref name="key"/> was set at <paramref name="location"/>; later records win, as in the configuration itself.</summary>
    public void Record(string section, string key, string location) => _locations[$"{section}:{key}"] = location;

    /// <summary>Describes where the key was set, for error messages.</summary>
    public string Describe(string section, string key) =>
        _locations.TryGetValue($"{section}:{key}", out var location) ? location : "default";
}
