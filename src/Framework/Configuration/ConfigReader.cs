using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Fwk;

/// <summary>
/// Reads typed values from the merged configuration. Each failure names where the value came
/// from (file and line, or environment variable), the section, the key and the value. A singleton service: packages
/// that add a config.ini section (Fwk.Jobs' <c>[jobs]</c>, say) read it through this, so their errors read like Fwk's.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The methods are named for the kind of config.ini value they read: String, Bool, Int, Long, Seconds, List.")]
public sealed class ConfigReader
{
    private readonly IConfiguration _configuration;
    private readonly ConfigLocations _locations;

    internal ConfigReader(IConfiguration configuration, ConfigLocations locations)
    {
        _configuration = configuration;
        _locations = locations;
    }

    /// <summary>The merged configuration (ini files, then environment overrides).</summary>
    public IConfiguration Configuration => _configuration;

    /// <summary>The raw value, or <paramref name="fallback"/> when the key is absent or blank.</summary>
    public string? String(string section, string key, string? fallback = null)
    {
        var value = _configuration[$"{section}:{key}"];
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    /// <summary>A required value; missing keys stop startup.</summary>
    public string Required(string section, string key) =>
        String(section, key) ?? throw new ConfigurationException($"config.ini: [{section}] {key} is required.");

    /// <summary>A boolean written as true/false, yes/no, on/off or 1/0.</summary>
    public bool Bool(string section, string key, bool fallback) =>
        String(section, key)?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw Invalid(section, key, "expected true or false"),
        };

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public long Long(string section, string key, long fallback, long min = 0, long max = long.MaxValue)
    {
        var text = String(section, key);
        if (text is null)
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Invalid(section, key, $"expected a whole number from {min} to {max}");
        }

        return value;
    }

    /// <summary>An <see cref="int"/> within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int Int(string section, string key, int fallback, int min = 0, int max = int.MaxValue) =>
        (int)Long(section, key, fallback, min, max);

    /// <summary>A duration in seconds (decimals allowed), or <c>off</c> for none.</summary>
    public TimeSpan? Seconds(string section, string key)
    {
        var text = String(section, key);
        if (text is null || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!double.TryParse(text.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 86_400)
        {
            throw Invalid(section, key, "expected a number of seconds (e.g. 30) or off");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A one-line, comma separated list; empty entries are dropped.</summary>
    public IReadOnlyList<string> List(string section, string key) =>
        String(section, key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>An error naming where the value was set, the section, key and value (never the value of a secret).</summary>
    public ConfigurationException Invalid(string section, string key, string problem)
    {
        var shown = IsSecret(key) ? "(hidden)" : $"'{_configuration[$"{section}:{key}"]}'";
        return new ConfigurationException($"{_locations.Describe(section, key)}: [{section}] {key} = {shown}: {problem}.");
    }

    /// <summary>Whether <paramref name="key"/> names a secret, whose value is never shown.</summary>
    public static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Contains("secret", StringComparison.OrdinalIgnoreCase);
}
