using Fwk.Db.Local;
using Npgsql;

namespace JobsBench;

/// <summary>
/// The run's one throwaway PostgreSQL cluster: a temporary directory (deleted when disposed), Unix socket only, run as
/// an unprivileged user when the harness is root (<see cref="LocalPostgres"/>). Durability is left on: fsync and
/// synchronous_commit at their defaults (on), so every commit waits for its WAL flush, as in production; only memory and
/// checkpoint spacing are raised (<see cref="Settings"/>) so that no checkpoint lands inside a short run by its timer.
/// Each target has its own database, dropped and created again before each of its runs (the same empty start for all).
/// </summary>
internal sealed class JobsCluster : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["shared_buffers"] = "256MB",
        ["max_wal_size"] = "4GB",
        ["checkpoint_timeout"] = "30min",
        ["max_connections"] = "100",
    };

    private readonly LocalPostgres _server;
    private readonly NpgsqlDataSource _admin;

    private JobsCluster(LocalPostgres server)
    {
        _server = server;
        _admin = NpgsqlDataSource.Create(server.ConnectionString("postgres"));
    }

    public string Version { get; private set; } = "";

    public static async Task<JobsCluster> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "fwk-jobs-" + Guid.NewGuid().ToString("N")[..8]);
        var server = new LocalPostgres(directory, LocalPostgres.DefaultPort, Settings);
        var cluster = new JobsCluster(server);
        try
        {
            await server.StartAsync(cancellationToken);
            await using var version = cluster._admin.CreateCommand("SHOW server_version");
            cluster.Version = (string)(await version.ExecuteScalarAsync(cancellationToken))!;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops and creates <paramref name="target"/>'s database, then checkpoints (no earlier run's dirty pages left to flush).</summary>
    public async Task RecreateAsync(RunnerTarget target, CancellationToken cancellationToken)
    {
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", $"CREATE DATABASE \"{target.Database}\"", "CHECKPOINT" })
        {
            await using var command = _admin.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>What the runner gets as <c>--connection</c>.</summary>
    public string Connection(RunnerTarget target) => target.Connection == ConnectionStyle.Npgsql
        ? _server.ConnectionString(target.Database)
        : $"postgres://{_server.Username}@/{target.Database}?host={Uri.EscapeDataString(_server.SocketDirectory)}&port={_server.Port}";

    public async ValueTask DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _server.DestroyAsync();
    }
}
