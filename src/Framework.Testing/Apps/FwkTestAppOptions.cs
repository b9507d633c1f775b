using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Testing;

/// <summary>How one test's app differs from the project as configured: config.ini keys, and services replaced for the test.</summary>
public sealed class FwkTestAppOptions
{
    private readonly List<Action<IServiceCollection>> _services = [];

    internal TestSettings Settings { get; } = new();

    internal IReadOnlyList<Action<IServiceCollection>> Services => _services;

    /// <summary>Sets <c>[<paramref name="section"/>] <paramref name="key"/></c> for this app, over config.ini (e.g. <c>With("networking", "max_body_size", "10")</c>).</summary>
    public FwkTestAppOptions With(string section, string key, string value)
    {
        Settings.Set(section, key, value);
        return this;
    }

    /// <summary>Changes the app's services after Program and its apps registered theirs (to replace one with a fake, say).</summary>
    public FwkTestAppOptions ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _services.Add(configure);
        return this;
    }
}
