using Fwk.Db.Local;
using Npgsql;

namespace Fwk.Db.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster in a fresh temp directory, stopped and deleted when disposed.</summary>
internal sealed class TemporaryCluster : IAsyncDisposable
{
    private TemporaryCluster(LocalPostgres cluster) => Cluster = cluster;

    public LocalPostgres Cluster { get; }

    /// <summary>Creates and starts a cluster (as a streaming standby of <paramref name="primary"/> when given).</summary>
    public static async Task<TemporaryCluster> StartAsync(int port = LocalPostgres.DefaultPort, LocalPostgres? primary = null)
    {
        var cluster = new LocalPostgres(Path.Combine(Path.GetTempPath(), "fwk-pg-" + Guid.NewGuid().ToString("N")[..8]), port);
        try
        {
            await (primary is null ? cluster.StartAsync() : cluster.StartAsStandbyOfAsync(primary));
            return new TemporaryCluster(cluster);
        }
        catch
        {
            await cluster.DestroyAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="database"/> of this cluster (unpooled) and returns the first value.</summary>
    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Cluster.DestroyAsync();
    }
}
