using Fwk.Db.Local;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// One bind's PostgreSQL engine: the Npgsql data source that writes go to and the one read sessions use. With one
/// server both are the same; with standbys (<c>replicas</c>, or several hosts in <c>host</c>) writes target the primary
/// and reads prefer a standby (Npgsql's multi-host data source, <c>prefer-standby</c>), falling back to the primary.
/// For <c>host = local</c> it starts the managed cluster under <c>.fwk/postgres</c> on demand.
/// </summary>
internal sealed class DatabaseEngine : IAsyncDisposable
{
    /// <summary>Where the managed cluster lives, relative to the project directory.</summary>
    public const string LocalClusterPath = ".fwk/postgres";

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly Lazy<(NpgsqlDataSource Owner, NpgsqlDataSource Primary, NpgsqlDataSource Read)> _dataSources;
    private bool _started;

    public DatabaseEngine(BindSettings settings, string projectDirectory, ILoggerFactory loggerFactory)
    {
        Settings = settings;
        Local = settings.IsLocal ? new LocalPostgres(Path.Combine(projectDirectory, LocalClusterPath), settings.Port) : null;
        _dataSources = new(() => CreateDataSources(loggerFactory));
    }

    public BindSettings Settings { get; }

    /// <summary>The managed cluster, when <c>host = local</c>.</summary>
    public LocalPostgres? Local { get; }

    /// <summary>Whether read sessions may go to a standby (the bind lists more than one server).</summary>
    public bool HasStandbys => Hosts.Count > 1;

    /// <summary>The data source of writes (the primary). Creating it opens nothing; call <see cref="StartAsync"/> before use.</summary>
    public NpgsqlDataSource DataSource => _dataSources.Value.Primary;

    /// <summary>The data source of read sessions: a standby when one answers, else the primary.</summary>
    public NpgsqlDataSource ReadDataSource => _dataSources.Value.Read;

    /// <summary>Where the server is, for messages (never the password).</summary>
    public string Description => Settings.Describe(string.Join(',', Hosts), Port);

    // The primary (or every host of a multi-host 'host'), then the replicas.
    private IReadOnlyList<string> Hosts =>
        [.. (Local?.SocketDirectory ?? Settings.Host).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), .. Settings.Replicas];

    private int Port => Local?.Port ?? Settings.Port;

    /// <summary>Starts the managed cluster if needed. Idempotent; the data sources connect on first use.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (!_started && Local is not null)
            {
                await Local.StartAsync(cancellationToken);
            }

            _started = true;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>A connection string to another database on the (first) server: the admin database for create_db.</summary>
    public string ConnectionString(string database)
    {
        var (host, port) = HostAndPort(Hosts[0]);
        return Settings.ConnectionString(host, port, database);
    }

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

    /// <summary>How many of the bind's other servers answer as standbys (in recovery); 0 when it lists one server.</summary>
    public async Task<(int Answered, int Listed)> CountStandbysAsync(CancellationToken cancellationToken = default)
    {
        if (!HasStandbys)
        {
            return (0, 0);
        }

        var answers = await Task.WhenAll(Hosts.Select(host => IsStandbyAsync(host, cancellationToken)));
        return (answers.Count(standby => standby), Hosts.Count - 1);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSources.IsValueCreated)
        {
            await _dataSources.Value.Owner.DisposeAsync();
        }

        _startLock.Dispose();
    }

    private async Task<bool> IsStandbyAsync(string entry, CancellationToken cancellationToken)
    {
        var (host, port) = HostAndPort(entry);
        var builder = new NpgsqlConnectionStringBuilder(Settings.ConnectionString(host, port, Settings.Name)) { Pooling = false, Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    // "host:port" as in a multi-host list (a socket directory too, which Npgsql splits only in a list), else the bind's port.
    private (string Host, int Port) HostAndPort(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && int.TryParse(entry.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? (entry[..colon], port)
            : (entry, Port);
    }

    private (NpgsqlDataSource, NpgsqlDataSource, NpgsqlDataSource) CreateDataSources(ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(Settings.ConnectionString(string.Join(',', Hosts), Port, Settings.Name)).UseLoggerFactory(loggerFactory);
        if (!HasStandbys)
        {
            var single = builder.Build();
            return (single, single, single);
        }

        var multiHost = builder.BuildMultiHost();
        return (multiHost, multiHost.WithTargetSession(TargetSessionAttributes.Primary), multiHost.WithTargetSession(TargetSessionAttributes.PreferStandby));
    }
}
