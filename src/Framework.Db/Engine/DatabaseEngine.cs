using Fwk.Db.Local;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// The project's PostgreSQL engine: one Npgsql data source for the configured database. For <c>host = local</c> it
/// starts the managed cluster under <c>.fwk/postgres</c> on demand. Created lazily, once, by the first user
/// (the startup hook when serving, or a verb).
/// </summary>
internal sealed class DatabaseEngine : IAsyncDisposable
{
    /// <summary>Where the managed cluster lives, relative to the project directory.</summary>
    public const string LocalClusterPath = ".fwk/postgres";

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly ILoggerFactory _loggerFactory;
    private NpgsqlDataSource? _dataSource;

    public DatabaseEngine(DatabaseSettings settings, string projectDirectory, ILoggerFactory loggerFactory)
    {
        Settings = settings;
        _loggerFactory = loggerFactory;
        Local = settings.IsLocal ? new LocalPostgres(Path.Combine(projectDirectory, LocalClusterPath), settings.Port) : null;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>The managed cluster, when <c>host = local</c>.</summary>
    public LocalPostgres? Local { get; }

    /// <summary>
    /// The data source of the configured database. Serving starts the engine in the startup hook; a verb that touches
    /// the database first starts it here, on demand (blocking once).
    /// </summary>
    public NpgsqlDataSource DataSource => _dataSource ?? StartAsync().GetAwaiter().GetResult();

    /// <summary>Where the server is, for messages (never the password).</summary>
    public string Description => Settings.Describe(Host, Port);

    private string Host => Local?.SocketDirectory ?? Settings.Host;

    private int Port => Local?.Port ?? Settings.Port;

    /// <summary>Starts the managed cluster if needed and creates the data source. Idempotent.</summary>
    public async Task<NpgsqlDataSource> StartAsync(CancellationToken cancellationToken = default)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_dataSource is not null)
            {
                return _dataSource;
            }

            if (Local is not null)
            {
                await Local.StartAsync(cancellationToken);
            }

            return _dataSource = new NpgsqlDataSourceBuilder(ConnectionString(Settings.Name)).UseLoggerFactory(_loggerFactory).Build();
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>A connection string to another database on the same server (the admin database for create_db).</summary>
    public string ConnectionString(string database) => Settings.ConnectionString(Host, Port, database);

    /// <summary>Opens a connection to check the database answers; the error names host, port and database.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new InvalidOperationException($"The database does not exist ({Description}). Run 'fwk create_db' (or 'dotnet run -- create_db') first.", exception);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"Cannot connect to PostgreSQL ({Description}): {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        _startLock.Dispose();
    }
}
