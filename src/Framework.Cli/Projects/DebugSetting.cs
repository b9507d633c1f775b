namespace Fwk.Cli;

/// <summary>
/// Reads <c>[environment] debug</c> as the app will (config.ini, then config.&lt;FWK_ENV&gt;.ini over it, then
/// <c>FWK_ENVIRONMENT__DEBUG</c>), without starting it: <c>fwk run</c> watches by default when it is true.
/// </summary>
internal static class DebugSetting
{
    /// <summary>
    /// True when <c>[environment] debug</c> of the project in <paramref name="directory"/> is true, yes, on or 1;
    /// false when it is unset (the default) or anything else (the app itself reports a bad value).
    /// </summary>
    public static bool IsOn(string directory)
    {
        string? value = null;
        var files = new List<string> { "config.ini" };
        if (Environment.GetEnvironmentVariable("FWK_ENV") is { Length: > 0 } environment)
        {
            files.Add($"config.{environment}.ini");
        }

        foreach (var file in files.Select(name => Path.Combine(directory, name)).Where(File.Exists))
        {
            value = Read(File.ReadLines(file)) ?? value;
        }

        value = Environment.GetEnvironmentVariable("FWK_ENVIRONMENT__DEBUG") ?? value;
        return value?.Trim().ToLowerInvariant() is "true" or "yes" or "on" or "1";
    }

    // The last `debug = …` of [environment] (ini: `;` and `#` start comments; values may be quoted).
    private static string? Read(IEnumerable<string> lines)
    {
        string? value = null;
        var section = string.Empty;
        foreach (var line in lines.Select(line => line.Trim()))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
            }
            else if (section.Equals("environment", StringComparison.OrdinalIgnoreCase) && line.Split('=', 2) is [var key, var text]
                && key.Trim().Equals("debug", StringComparison.OrdinalIgnoreCase))
            {
                value = text.Trim().Trim('"');
            }
        }

        return value;
    }
}
