using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Fwk.Db;

/// <summary>
/// The migrations of one bind in the project's assembly: the <see cref="Migration"/> and <see cref="ModelSnapshot"/>
/// classes for <see cref="Session"/> whose namespace ends with the bind's folder, <c>Migrations</c> for the default bind
/// and <c>Migrations.NAME</c> for the others (every bind's migrations target the same context type, so the folder tells
/// them apart). Replaces EF Core's own, which looks only at the context type.
/// </summary>
internal sealed class BindMigrationsAssembly : IMigrationsAssembly
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, TypeInfo[]> SessionTypes = new();

    private readonly BindModel _model;
    private readonly IMigrationsIdGenerator _idGenerator;
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    public BindMigrationsAssembly(IDbContextOptions options, IMigrationsIdGenerator idGenerator)
    {
        _model = options.FindExtension<BindModelExtension>()?.Model
            ?? throw new InvalidOperationException("The session was created outside a Fwk application.");
        _idGenerator = idGenerator;
        Assembly = AssemblyOf(_model);
    }

    public Assembly Assembly { get; }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Find(_model);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotRead)
            {
                _snapshot = BindTypes<ModelSnapshot>(_model).Select(type => (ModelSnapshot)Activator.CreateInstance(type)!).FirstOrDefault();
                _snapshotRead = true;
            }

            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => _idGenerator.IsValidId(nameOrId)
            ? string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(_idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The migrations of <paramref name="model"/>'s bind by id, oldest first, found without a session (cheap: no EF Core services).</summary>
    public static SortedList<string, TypeInfo> Find(BindModel model) => new(
        BindTypes<Migration>(model)
            .Select(type => (Id: type.GetCustomAttribute<MigrationAttribute>()?.Id, Type: type))
            .Where(migration => migration.Id is not null)
            .ToDictionary(migration => migration.Id!, migration => migration.Type),
        StringComparer.Ordinal);

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static Assembly AssemblyOf(BindModel model) => model.MigrationsAssembly ?? typeof(Session).Assembly;

    private static IEnumerable<TypeInfo> BindTypes<TBase>(BindModel model) =>
        SessionTypes.GetOrAdd(AssemblyOf(model), FindSessionTypes).Where(type => type.IsSubclassOf(typeof(TBase)) && InBindNamespace(type, model));

    private static bool InBindNamespace(Type type, BindModel model) =>
        type.Namespace is { } ns && (ns == model.MigrationsNamespace || ns.EndsWith("." + model.MigrationsNamespace, StringComparison.Ordinal));

    // The migrations and snapshots of every bind of an assembly, found once per process (the assembly does not change).
    private static TypeInfo[] FindSessionTypes(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = exception.Types;
        }

        return [.. types.OfType<Type>()
            .Where(type => (type.IsSubclassOf(typeof(Migration)) || type.IsSubclassOf(typeof(ModelSnapshot))) && !type.IsAbstract && !type.IsGenericTypeDefinition)
            .Where(type => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(Session))
            .Select(type => type.GetTypeInfo())];
    }
}
