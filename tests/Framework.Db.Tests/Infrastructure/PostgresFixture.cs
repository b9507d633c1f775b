using System.Diagnostics.CodeAnalysis;
using Fwk.Db.Local;
using Npgsql;

namespace Fwk.Db.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run: started from the machine's binaries in a fresh temp
/// directory and destroyed (stopped and deleted) at the end. Use it through <c>[Collection("postgres")]</c> and give
/// each test its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TemporaryCluster? _cluster;

    /// <summary>The running cluster; tests may stop and restart it (restart it before they end).</summary>
    internal LocalPostgres Cluster => _cluster?.Cluster ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialised.");

    /// <summary>A pooled connection string to <paramref name="database"/> on the cluster (Unix socket, user postgres).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database))
    {
        Pooling = true,
    }.ConnectionString;

    /// <summary>Creates a new, uniquely named, empty database and returns its name (<c>&lt;prefix&gt;_&lt;12 hex&gt;</c>).</summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null)
    {
        var prefix = new string((namePrefix ?? "test").ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(40).ToArray());
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => _cluster = await TemporaryCluster.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }
}

/// <summary>Shares one <see cref="PostgresFixture"/> between every test class marked <c>[Collection("postgres")]</c>.</summary>
[CollectionDefinition("postgres")]
[SuppressMessage("Naming", "CA1711", Justification = "xunit's naming convention for collection definitions.")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
}
