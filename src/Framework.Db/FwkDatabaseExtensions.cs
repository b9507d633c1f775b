using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>Adds the database helper to a Fwk application.</summary>
public static class FwkDatabaseExtensions
{
    /// <summary>
    /// Backendpy's <c>set_database_hooks</c>: reads <c>[database]</c>, and at startup (framework level, before any app hook)
    /// starts the engine (the managed local cluster for <c>host = local</c>), builds the model of every active app's models and
    /// checks the connection. Each request gets its own <see cref="Session"/> on first use, saved on success_response before
    /// the response starts and returned to the pool when the request ends. Adds the create_db, drop_db, reset_db and db verbs
    /// and a "database" health check.
    /// </summary>
    public static FwkApplication UseDatabase(this FwkApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        services.AddSingleton(sp => new DatabaseEngine(
            DatabaseSettings.Read(sp.GetRequiredService<ConfigReader>()), app.ProjectDirectory, sp.GetRequiredService<ILoggerFactory>()));
        services.AddPooledDbContextFactory<Session>(ConfigureSession);
        services.AddScoped<SessionSlot>();
        services.AddScoped(CreateSession);
        services.AddExceptionHandler<DatabaseExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        app.FrameworkHooks.On(Events.Startup, StartEngineAsync);
        app.FrameworkHooks.On(Events.SuccessResponse, SaveAsync);
        app.FrameworkHooks.On(Events.InitCompleted, SaveAsync);
        DatabaseVerbs.Add(app);
        return app;
    }

    private static void ConfigureSession(IServiceProvider services, DbContextOptionsBuilder options)
    {
        var engine = services.GetRequiredService<DatabaseEngine>();
        options.UseNpgsql(engine.DataSource, npgsql =>
        {
            npgsql.CommandTimeout(engine.Settings.CommandTimeoutSeconds);
            if (engine.Settings.RetryOnFailure)
            {
                npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null);
            }
        });
        // Failed commands are answered (and logged when unexpected) by the exception handlers; EF need not log each at error.
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        options.UseApplicationServiceProvider(services);
        options.ReplaceService<IModelCacheKeyFactory, AppCatalogModelCacheKeyFactory>();
    }

    private static Session CreateSession(IServiceProvider services)
    {
        var session = services.GetRequiredService<IDbContextFactory<Session>>().CreateDbContext();
        services.GetRequiredService<SessionSlot>().Session = session;
        return session;
    }

    // The session factory is resolved only after the engine started (its options need the data source).
    // Building a session here builds the model too, so a bad model stops startup rather than the first request.
    private static async Task StartEngineAsync(DatabaseEngine engine, IServiceProvider services, CancellationToken cancellationToken)
    {
        await engine.StartAsync(cancellationToken);
        await engine.CheckAsync(cancellationToken);
        var sessions = services.GetRequiredService<IDbContextFactory<Session>>();
        await using var session = await sessions.CreateDbContextAsync(cancellationToken);
        _ = session.Model;
    }

    private static async Task SaveAsync(SessionSlot slot, CancellationToken cancellationToken)
    {
        if (slot.Session is { } session && session.ChangeTracker.HasChanges())
        {
            await session.SaveChangesAsync(cancellationToken);
        }
    }
}
