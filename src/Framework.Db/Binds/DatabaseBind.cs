using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Fwk.Db;

/// <summary>
/// One database of the project at run time: its settings, engine, model, and two pools of sessions, one for writes (the
/// primary) and one for read sessions (no tracking; a standby when there is one). Created once per application.
/// </summary>
internal sealed class DatabaseBind : IAsyncDisposable
{
    private readonly Lazy<DbContextOptions<Session>> _options;
    private readonly Lazy<PooledDbContextFactory<Session>> _sessions;
    private readonly Lazy<PooledDbContextFactory<Session>> _reads;
    private readonly ILoggerFactory _loggerFactory;
    private IModel? _runtimeModel;

    public DatabaseBind(int index, BindSettings settings, BindModel model, string projectDirectory, ILoggerFactory loggerFactory)
    {
        Index = index;
        Settings = settings;
        Model = model;
        _loggerFactory = loggerFactory;
        Engine = new DatabaseEngine(settings, projectDirectory, loggerFactory);
        _options = new(() => Options(Engine.DataSource, QueryTrackingBehavior.TrackAll));
        _sessions = new(() => new PooledDbContextFactory<Session>(_options.Value));
        _reads = new(() => new PooledDbContextFactory<Session>(Options(Engine.ReadDataSource, QueryTrackingBehavior.NoTracking)));
    }

    /// <summary>The bind's position: <c>default</c> is 0, the others follow by name. Sessions are saved in this order.</summary>
    public int Index { get; }

    public string Name => Settings.Bind;

    public BindSettings Settings { get; }

    public BindModel Model { get; }

    public DatabaseEngine Engine { get; }

    /// <summary>Rents a write session (tracking, primary server).</summary>
    public Session RentSession() => _sessions.Value.CreateDbContext();

    /// <summary>
    /// A write session of its own, outside the pool, for schema work: nothing it caches (the migrator's state, the last
    /// migration's snapshot model) outlives it. The caller disposes it.
    /// </summary>
    public Session CreateSession() => new(_options.Value);

    /// <summary>A read session (no tracking, a standby when one answers); it rents its context on first use.</summary>
    public ReadSession RentReadSession() => new(this);

    /// <summary>Rents a read session's context (no tracking, the read data source).</summary>
    public Session RentReadContext() => _reads.Value.CreateDbContext();

    /// <summary>EF Core's model of the bind, built once (by the first context that needs it) and kept here for reads that need no context.</summary>
    public IModel RuntimeModel => _runtimeModel ??= ReadContextModel();

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();

    private IModel ReadContextModel()
    {
        using var context = RentReadContext();
        return context.Model;
    }

    private DbContextOptions<Session> Options(Npgsql.NpgsqlDataSource dataSource, QueryTrackingBehavior tracking)
    {
        var options = new DbContextOptionsBuilder<Session>()
            .UseNpgsql(dataSource, npgsql =>
            {
                npgsql.CommandTimeout(Settings.CommandTimeoutSeconds);
                if (Model.MigrationsAssembly is { } assembly)
                {
                    npgsql.MigrationsAssembly(assembly);
                }

                if (Settings.RetryOnFailure)
                {
                    npgsql.ExecutionStrategy(dependencies => new FwkExecutionStrategy(dependencies, Engine.Local));
                }
            })
            .UseLoggerFactory(_loggerFactory)
            .UseQueryTrackingBehavior(tracking)
            .AddInterceptors(WriteOutcomeInterceptor.Instance, SaveParticipantsInterceptor.Instance)
            .ReplaceService<IModelCacheKeyFactory, BindModelCacheKeyFactory>()
            .ReplaceService<IMigrationsAssembly, BindMigrationsAssembly>()

            // Failed commands are answered (and logged when unexpected) by the exception handlers; EF need not log each
            // at error. Upgrades report unmigrated model changes themselves instead of refusing to run.
            .ConfigureWarnings(warnings => warnings
                .Log(
                    (RelationalEventId.CommandError, LogLevel.Debug),
                    (RelationalEventId.ConnectionError, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                    (CoreEventId.QueryIterationFailed, LogLevel.Debug))
                .Ignore(RelationalEventId.PendingModelChangesWarning));
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new BindModelExtension(Model));
        return options.Options;
    }
}
