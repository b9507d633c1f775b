using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Db;

/// <summary>
/// What goes into one bind's EF Core model: the entity and configuration types and assemblies each active app put into
/// that bind, in app order, and where the bind's migrations are compiled. Two binds with the same models share one
/// built model (<see cref="Signature"/> is EF's model cache key), also across application instances in one process.
/// </summary>
internal sealed class BindModel
{
    private BindModel(string bind, IReadOnlyList<BindModelEntry> entries, IReadOnlyDictionary<Type, BindModelEntry> declared, Assembly? migrationsAssembly)
    {
        Bind = bind;
        Entries = entries;
        Declared = declared;
        MigrationsAssembly = migrationsAssembly;
        // The other binds' declarations are part of it: they decide which relations the model may have.
        Signature = string.Join('|', entries.Select(e => e.Type?.AssemblyQualifiedName ?? e.Assembly!.FullName))
            + "||" + string.Join('|', declared.Select(d => $"{d.Key.AssemblyQualifiedName}={d.Value.Bind}").Order(StringComparer.Ordinal));
    }

    public string Bind { get; }

    /// <summary>The bind's models, in app order.</summary>
    public IReadOnlyList<BindModelEntry> Entries { get; }

    /// <summary>Every entity type declared by any app, in any bind (to reject relations across binds).</summary>
    public IReadOnlyDictionary<Type, BindModelEntry> Declared { get; }

    /// <summary>The project's assembly, where <c>db migrate</c> writes migrations and upgrades find them.</summary>
    public Assembly? MigrationsAssembly { get; }

    /// <summary>The namespace suffix (and folder) of the bind's migrations: <c>Migrations</c>, or <c>Migrations.NAME</c> for other binds.</summary>
    public string MigrationsNamespace => Bind == ModelRegistry.DefaultBind ? "Migrations" : "Migrations." + Pascal(Bind);

    /// <summary>Identifies the model: the same entries in the same order (and the same binds of every model) build the same model.</summary>
    public string Signature { get; }

    /// <summary>Whether any app put models into this bind.</summary>
    public bool IsEmpty => Entries.Count == 0;

    /// <summary>The models of every bind of <paramref name="apps"/>, keyed by bind.</summary>
    public static IReadOnlyDictionary<string, BindModel> ForApps(IEnumerable<(string App, ModelRegistry Models)> apps, IEnumerable<string> binds, Assembly? migrationsAssembly)
    {
        var all = apps.SelectMany(app => app.Models.Binds.SelectMany(bind =>
                app.Models.TypesIn(bind).Select(type => new BindModelEntry(app.App, bind, type, null))
                    .Concat(app.Models.AssembliesIn(bind).Select(assembly => new BindModelEntry(app.App, bind, null, assembly)))))
            .ToList();
        var declared = new Dictionary<Type, BindModelEntry>();
        foreach (var entry in all)
        {
            foreach (var entity in entry.EntityTypes())
            {
                declared.TryAdd(entity, entry);
            }
        }

        return binds.ToDictionary(
            bind => bind,
            bind => new BindModel(bind, [.. all.Where(e => e.Bind == bind)], declared, migrationsAssembly));
    }

    /// <summary>The app that declared the entity <paramref name="clrType"/>, for reports ("-" when none did).</summary>
    public string OwnerOf(Type clrType) => Declared.TryGetValue(clrType, out var entry) ? entry.App : "-";

    /// <summary><c>audit</c> → <c>Audit</c>, <c>read_only</c> → <c>ReadOnly</c>.</summary>
    public static string Pascal(string name) =>
        string.Concat(name.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The entity type an <c>IEntityTypeConfiguration&lt;T&gt;</c> configures, or null when <paramref name="type"/> is none.</summary>
    public static Type? EntityOf(Type type) =>
        type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            ?.GetGenericArguments()[0];
}
