using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>Adds the database helper to a Fwk application.</summary>
public static class FwkDatabaseExtensions
{
    /// <summary>
    /// Backendpy's <c>set_database_hooks</c>, for every database of the project (<c>[database]</c>, and each
    /// <c>[database.NAME]</c> bind). At startup (framework level, before any app hook) it starts each engine (the managed
    /// local cluster for <c>host = local</c>), builds each bind's model from the active apps' models, checks the
    /// connection, reports pending migrations (or applies them when <c>migrate_on_startup = true</c>) and how many
    /// standbys answer. Each request gets its own <see cref="Session"/> per bind on first use, saved on success_response
    /// before the response starts and returned to the pool when the request ends; <see cref="ReadSession"/> reads without
    /// tracking, from a standby when there is one. Adds the create_db, drop_db, reset_db and db verbs (migrations
    /// included) and one health check per bind.
    /// </summary>
    public static FwkApplication UseDatabase(this FwkApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings.Declare("database", BindSettings.Keys).Declare("database.*", BindSettings.Keys);
        EngineWarmUp.Start(app);

        var services = app.Services;
        services.AddSingleton(sp => new DatabaseBinds(
            sp.GetRequiredService<ConfigReader>(), sp.GetRequiredService<AppCatalog>(), app.ProjectDirectory, app.ProjectAssembly, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new Databases(sp.GetRequiredService<DatabaseBinds>()));
        services.AddSingleton(sp => new DatabaseMaintenance(sp.GetRequiredService<DatabaseBinds>));
        services.AddScoped<RequestSessions>();
        services.AddScoped(sp => sp.GetRequiredService<RequestSessions>().Get(sp.GetRequiredService<DatabaseBinds>().Default));
        services.AddKeyedScoped(KeyedService.AnyKey, (sp, key) => sp.GetRequiredService<RequestSessions>().Get(Bind(sp, key)));
        services.AddScoped(sp => sp.GetRequiredService<DatabaseBinds>().Default.RentReadSession());
        services.AddKeyedScoped(KeyedService.AnyKey, (sp, key) => Bind(sp, key).RentReadSession());
        services.AddExceptionHandler<DatabaseExceptionHandler>();
        services.AddHealthChecks();
        services.AddOptions<HealthCheckServiceOptions>().Configure<ConfigReader>((options, config) =>
        {
            // Named from config.ini alone: health endpoints are mapped while apps configure, before the binds exist.
            foreach (var bind in BindSettings.DeclaredBinds(config))
            {
                options.Registrations.Add(new HealthCheckRegistration(
                    BindSettings.SectionOf(bind), sp => new DatabaseHealthCheck(sp.GetRequiredService<DatabaseBinds>().Get(bind)), null, null));
            }
        });

        app.FrameworkEndpointFilters.Add(new RequestSessionsFilter());
        app.FrameworkEndpointFilters.Add(new IdempotencyFilter());
        services.AddHostedService<IdempotencyPurge>();
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, IdempotencyBuffering>();
        app.FrameworkHooks.On(Events.Startup, DatabaseStartup.RunAsync);
        app.FrameworkHooks.On(Events.SuccessResponse, SessionSaver.SaveAsync);
        app.FrameworkHooks.On(Events.InitCompleted, SessionSaver.SaveAsync);
        DatabaseVerbs.Add(app);
        MigrationVerbs.Add(app);
        return app;
    }

    private static DatabaseBind Bind(IServiceProvider services, object? key) =>
        services.GetRequiredService<DatabaseBinds>().Get(key as string ?? throw new InvalidOperationException("A bind is named by a string: [FromKeyedServices(\"NAME\")]."));
}
