using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>
/// Every database of the project: the <c>default</c> bind (<c>[database]</c>) first, then each <c>[database.NAME]</c> by
/// name. Built once per application from config.ini and the active apps; an app that puts models into a bind config.ini
/// does not declare stops startup here.
/// </summary>
internal sealed class DatabaseBinds : IAsyncDisposable
{
    private readonly DatabaseBind[] _binds;

    public DatabaseBinds(ConfigReader config, AppCatalog catalog, string projectDirectory, Assembly? projectAssembly, ILoggerFactory loggerFactory)
    {
        if (!catalog.IsConfigured)
        {
            throw new InvalidOperationException("The databases were asked for while apps still configure; use them in hooks, handlers and verbs.");
        }

        var declared = BindSettings.DeclaredBinds(config);
        foreach (var app in catalog.Apps)
        {
            if (app.Models.Binds.FirstOrDefault(bind => !declared.Contains(bind)) is { } unknown)
            {
                throw new InvalidOperationException(
                    $"App '{app.Name}' puts models into bind '{unknown}', but config.ini has no [{BindSettings.SectionOf(unknown)}] section. "
                    + $"Declared binds: {string.Join(", ", declared)}.");
            }
        }

        // The framework's own table (idempotency keys) lives in the default bind, created and migrated like the apps' tables.
        var framework = new ModelRegistry().Add<IdempotencyRecordConfiguration>();
        var models = BindModel.ForApps(catalog.Apps.Select(a => (a.Name, a.Models)).Append((ErrorCatalog.FrameworkOwner, framework)), declared, projectAssembly);
        _binds = [.. declared.Select((bind, index) => new DatabaseBind(index, BindSettings.Read(config, bind), models[bind], projectDirectory, loggerFactory))];
    }

    /// <summary>Every bind, <c>default</c> first.</summary>
    public IReadOnlyList<DatabaseBind> All => _binds;

    /// <summary>The <c>default</c> bind (<c>[database]</c>).</summary>
    public DatabaseBind Default => _binds[0];

    /// <summary>The bind named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="InvalidOperationException">config.ini declares no such bind.</exception>
    public DatabaseBind Get(string name) =>
        _binds.FirstOrDefault(b => b.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"There is no bind '{name}': config.ini declares {string.Join(", ", _binds.Select(b => b.Name))}.");

    public async ValueTask DisposeAsync()
    {
        foreach (var bind in _binds)
        {
            await bind.DisposeAsync();
        }
    }
}
