namespace Fwk.Testing;

/// <summary>
/// config.ini keys a test sets, over the project's own files, as the <c>FWK_SECTION__KEY</c> variables Program sees (a dot
/// in a section, as in <c>[database.audit]</c>, is written as an underscore there, as in a shell).
/// </summary>
internal sealed class TestSettings
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings as variables: <c>FWK_DATABASE_AUDIT__NAME</c> = …</summary>
    public IReadOnlyDictionary<string, string?> Variables => _variables;

    /// <summary>The settings as one string, the same for the same settings (a cache key).</summary>
    public string Key => string.Join('\n', _variables.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key.ToUpperInvariant()}={v.Value}"));

    /// <summary>Sets <c>[<paramref name="section"/>] <paramref name="key"/></c>.</summary>
    public TestSettings Set(string section, string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _variables[$"FWK_{section.Replace('.', '_').ToUpperInvariant()}__{key.ToUpperInvariant()}"] = value;
        return this;
    }

    /// <summary>Points <paramref name="section"/> (a <c>[database]</c> or <c>[database.NAME]</c>) at <paramref name="database"/> on <paramref name="server"/>.</summary>
    public TestSettings Database(string section, TestPostgres server, string database) =>
        Set(section, "host", server.Host)
            .Set(section, "port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set(section, "username", server.Username)
            .Set(section, "password", server.Password)
            .Set(section, "name", database);

    /// <summary>A copy with <paramref name="other"/>'s settings over these.</summary>
    public TestSettings With(TestSettings other)
    {
        var merged = new TestSettings();
        foreach (var (name, value) in _variables.Concat(other._variables))
        {
            merged._variables[name] = value;
        }

        return merged;
    }
}
