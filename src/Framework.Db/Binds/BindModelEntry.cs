using System.Reflection;

namespace Fwk.Db;

/// <summary>One model an app put into a bind: an entity or configuration <see cref="Type"/>, or an <see cref="Assembly"/> of configurations.</summary>
internal sealed record BindModelEntry(string App, string Bind, Type? Type, Assembly? Assembly)
{
    /// <summary>The entity types this entry declares.</summary>
    public IEnumerable<Type> EntityTypes() => Type is not null
        ? [BindModel.EntityOf(Type) ?? Type]
        : Assembly!.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }).Select(BindModel.EntityOf).OfType<Type>();
}
