namespace Fwk;

/// <summary>
/// The config.ini sections and keys the framework and its packages read. At startup, a key of a declared section that is
/// not declared stops startup naming the file, line, section and key, with the nearest declared key ("did you mean
/// 'debug'?"); a section nobody declared is only a warning (apps may read sections of their own, such as
/// <c>[mail]</c>), with the nearest declared section when one is close. A package declares its section while the
/// project configures, before it runs:
/// <code>app.Settings.Declare("jobs", "enabled", "workers", "queues", "poll_interval");</code>
/// </summary>
public sealed class KnownSettings
{
    private readonly Dictionary<string, HashSet<string>?> _sections = new(StringComparer.OrdinalIgnoreCase);

    internal KnownSettings()
    {
    }

    /// <summary>The declared sections (a name ending in <c>.*</c> stands for every <c>NAME.x</c>), sorted.</summary>
    public IReadOnlyList<string> Sections => [.. _sections.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Declares <paramref name="section"/> with its <paramref name="keys"/>; declaring a section again adds keys to it. A
    /// section declared with no keys takes any key (as <c>[logging]</c> takes category names). A name ending in <c>.*</c>
    /// covers every section under it: <c>Declare("database.*", …)</c> covers <c>[database.audit]</c>.
    /// </summary>
    public KnownSettings Declare(string section, params string[] keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            _sections[section] = null;
            return this;
        }

        if (!_sections.TryGetValue(section, out var known))
        {
            _sections[section] = known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        known?.UnionWith(keys);
        return this;
    }

    /// <summary>Whether <paramref name="section"/> (e.g. <c>database.audit</c>) is declared, and its keys (null: any key).</summary>
    internal bool TryGet(string section, out IReadOnlySet<string>? keys)
    {
        var found = _sections.TryGetValue(section, out var exact);
        if (!found && section.LastIndexOf('.') is > 0 and var dot)
        {
            found = _sections.TryGetValue(section[..dot] + ".*", out exact);
        }

        keys = exact;
        return found;
    }

    /// <summary>The framework's own sections; Fwk.Db declares <c>[database]</c> and <c>[database.NAME]</c> itself.</summary>
    internal static KnownSettings Framework() => new KnownSettings()
        .Declare("environment", "name", "debug")
        .Declare(
            "networking",
            "urls",
            "allowed_hosts",
            "max_body_size",
            "request_timeout",
            "max_request_line_size",
            "max_request_headers_size",
            "shutdown_timeout")
        .Declare("apps", "active")
        .Declare("cors", "allowed_origins", "allowed_methods", "allowed_headers", "allow_credentials", "max_age")
        .Declare("logging");
}
