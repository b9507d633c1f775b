using System.Diagnostics;
using System.Globalization;
using Fwk.Db.Local;
using Npgsql;

namespace Fwk.Reliability.Tests.Infrastructure;

/// <summary>
/// The suite's own PostgreSQL: a throwaway cluster (default durability: fsync on, since the faults test what survives a
/// crash) in a temp directory, removed at the end. Tests crash it (<c>kill -9</c> of the postmaster), stop it fast, and
/// start it again; each sample they run gets databases of its own on it.
/// </summary>
public sealed class ReliabilityCluster : IAsyncLifetime
{
    private LocalPostgres? _cluster;

    internal LocalPostgres Cluster => _cluster ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The key the sample's accounts sign access tokens with, random for this run.</summary>
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>The settings that point both of the sample's binds at new databases of this cluster, named after <paramref name="prefix"/>.</summary>
    public Dictionary<string, string> SampleSettings(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        return new Dictionary<string, string>
        {
            ["FWK_DATABASE__HOST"] = Cluster.SocketDirectory,
            ["FWK_DATABASE__PORT"] = Cluster.Port.ToString(CultureInfo.InvariantCulture),
            ["FWK_DATABASE__NAME"] = name,
            ["FWK_DATABASE_AUDIT__HOST"] = Cluster.SocketDirectory,
            ["FWK_DATABASE_AUDIT__PORT"] = Cluster.Port.ToString(CultureInfo.InvariantCulture),
            ["FWK_DATABASE_AUDIT__NAME"] = name + "_audit",
            ["FWK_LOGGING__LEVEL"] = "Information",
            ["FWK_AUTH_SIGNING_KEY"] = SigningKey, // the same for every instance of a test: tokens work across them
        };
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="database"/> (unpooled) and returns the first value.</summary>
    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        var value = await RunAsync(database, sql);
        return value is DBNull or null ? default! : (T)value;
    }

    /// <summary>Runs <paramref name="sql"/> (a statement with no result, such as CREATE DATABASE) on <paramref name="database"/>.</summary>
    public Task ExecuteAsync(string database, string sql) => RunAsync(database, sql);

    private async Task<object?> RunAsync(string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Kills the postmaster with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public async Task CrashAsync()
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(Cluster.DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill();
        await postmaster.WaitForExitAsync();
    }

    /// <summary>Starts the cluster again (crash recovery after <see cref="CrashAsync"/>); returns when it accepts connections.</summary>
    public Task StartAsync() => Cluster.StartAsync();

    /// <summary>Stops the cluster fast (open sessions are ended).</summary>
    public Task StopFastAsync() => Cluster.StopAsync();

    public async Task InitializeAsync()
    {
        _cluster = new LocalPostgres(Path.Combine(Path.GetTempPath(), "fwk-reliability-" + Guid.NewGuid().ToString("N")[..8]), 5461);
        await _cluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _cluster.DestroyAsync();
        }
    }
}

/// <summary>Shares one cluster between the suite's test classes (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityGroup : ICollectionFixture<ReliabilityCluster>
{
    public const string Name = "reliability";
}
