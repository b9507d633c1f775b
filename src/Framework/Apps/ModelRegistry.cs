using System.Reflection;

namespace Fwk;

/// <summary>
/// The data models an app contributes to the project's database model: entity types, EF Core
/// <c>IEntityTypeConfiguration&lt;T&gt;</c> classes, or whole assemblies of configurations. Read by the database helper;
/// models of different apps may reference each other when they live in the same database (bind).
/// </summary>
/// <remarks>
/// Models live in the default database (<c>[database]</c>) unless the app chose another bind with <see cref="UseBind"/>
/// or a model names its own (<c>[database.NAME]</c>, as Flask-SQLAlchemy's binds). Bind names are case-insensitive.
/// </remarks>
public sealed class ModelRegistry
{
    /// <summary>The name of the bind configured by <c>[database]</c>.</summary>
    public const string DefaultBind = "default";

    private readonly List<(Type Type, string? Bind)> _types = [];
    private readonly List<(Assembly Assembly, string? Bind)> _assemblies = [];
    private string? _appBind;

    /// <summary>The entity and configuration types added one by one, in order.</summary>
    public IReadOnlyList<Type> Types => [.. _types.Select(t => t.Type)];

    /// <summary>The assemblies whose configurations are all applied.</summary>
    public IReadOnlyList<Assembly> Assemblies => [.. _assemblies.Select(a => a.Assembly)];

    /// <summary>The bind of this app's models that do not name their own. Default: <see cref="DefaultBind"/>.</summary>
    public string Bind => _appBind ?? DefaultBind;

    /// <summary>
    /// Puts the app's models (those added before and after this call that do not name a bind) into the database of
    /// <c>[database.<paramref name="bind"/>]</c>.
    /// </summary>
    public ModelRegistry UseBind(string bind)
    {
        _appBind = Normalize(bind);
        return this;
    }

    /// <summary>Adds an entity type or an <c>IEntityTypeConfiguration&lt;T&gt;</c> class, in the app's bind or in <paramref name="bind"/>.</summary>
    public ModelRegistry Add<T>(string? bind = null) => Add(typeof(T), bind);

    /// <inheritdoc cref="Add{T}"/>
    public ModelRegistry Add(Type type, string? bind = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_types.Any(t => t.Type == type))
        {
            _types.Add((type, bind is null ? null : Normalize(bind)));
        }

        return this;
    }

    /// <summary>Adds every <c>IEntityTypeConfiguration&lt;T&gt;</c> class of <paramref name="assembly"/>, in the app's bind or in <paramref name="bind"/>.</summary>
    public ModelRegistry AddAssembly(Assembly assembly, string? bind = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_assemblies.Any(a => a.Assembly == assembly))
        {
            _assemblies.Add((assembly, bind is null ? null : Normalize(bind)));
        }

        return this;
    }

    /// <summary>The types added for <paramref name="bind"/>, in order.</summary>
    internal IEnumerable<Type> TypesIn(string bind) => _types.Where(t => (t.Bind ?? Bind) == bind).Select(t => t.Type);

    /// <summary>The assemblies added for <paramref name="bind"/>, in order.</summary>
    internal IEnumerable<Assembly> AssembliesIn(string bind) => _assemblies.Where(a => (a.Bind ?? Bind) == bind).Select(a => a.Assembly);

    /// <summary>Every bind this app puts models into.</summary>
    internal IEnumerable<string> Binds => _types.Select(t => t.Bind ?? Bind).Concat(_assemblies.Select(a => a.Bind ?? Bind)).Distinct();

    private static string Normalize(string bind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bind);
        return bind.Trim().ToLowerInvariant();
    }
}
