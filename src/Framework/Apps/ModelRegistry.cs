using System.Reflection;

namespace Fwk;

/// <summary>
/// The data models an app contributes to the project's single database model: entity types, or
/// EF Core <c>IEntityTypeConfiguration&lt;T&gt;</c> classes, or whole assemblies of configurations.
/// Read by the database helper; models of different apps may reference each other.
/// </summary>
public sealed class ModelRegistry
{
    private readonly List<Type> _types = [];
    private readonly List<Assembly> _assemblies = [];

    /// <summary>The entity and configuration types added one by one, in order.</summary>
    public IReadOnlyList<Type> Types => _types;

    /// <summary>The assemblies whose configurations are all applied.</summary>
    public IReadOnlyList<Assembly> Assemblies => _assemblies;

    /// <summary>Adds an entity type or an <c>IEntityTypeConfiguration&lt;T&gt;</c> class.</summary>
    public ModelRegistry Add<T>() => Add(typeof(T));

    /// <inheritdoc cref="Add{T}"/>
    public ModelRegistry Add(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }

        return this;
    }

    /// <summary>Adds every <c>IEntityTypeConfiguration&lt;T&gt;</c> class of <paramref name="assembly"/>.</summary>
    public ModelRegistry AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_assemblies.Contains(assembly))
        {
            _assemblies.Add(assembly);
        }

        return this;
    }
}
