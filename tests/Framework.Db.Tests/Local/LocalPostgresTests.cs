using System.Runtime.Versioning;
using Fwk.Db.Local;
using Fwk.Db.Tests.Infrastructure;
using Npgsql;

namespace Fwk.Db.Tests.Local;

/// <summary>Each test gets its own cluster in its own temp directory, destroyed afterwards.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresTests : IAsyncLifetime
{
    private readonly List<LocalPostgres> _clusters = [];
    private readonly List<string> _directories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var cluster in _clusters)
        {
            await cluster.DestroyAsync();
        }

        foreach (var directory in _directories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_WhenDirectoryEmpty_InitialisesAndAcceptsConnections()
    {
        var cluster = NewCluster();
        Assert.Equal(LocalPostgresState.NotInitialised, (await cluster.StatusAsync()).State);

        await cluster.StartAsync();

        var status = await cluster.StatusAsync();
        Assert.Equal(LocalPostgresState.Running, status.State);
        Assert.Equal(cluster.ClusterDirectory, status.SocketDirectory);
        Assert.Equal(5432, status.Port);
        Assert.True(File.Exists(Path.Combine(cluster.SocketDirectory, ".s.PGSQL.5432")));
        Assert.Equal(1, await ScalarAsync<int>(cluster, "select 1"));
        Assert.Equal("postgres", await ScalarAsync<string>(cluster, "select current_user"));
        Assert.Equal("UTF8", await ScalarAsync<string>(cluster, "show server_encoding"));
    }

    [Fact]
    public async Task StartAsync_WhenAlreadyRunning_IsNoOp()
    {
        var cluster = NewCluster();
        await cluster.StartAsync();
        var startTime = await ScalarAsync<DateTime>(cluster, "select pg_postmaster_start_time()");

        await cluster.StartAsync();

        Assert.Equal(startTime, await ScalarAsync<DateTime>(cluster, "select pg_postmaster_start_time()"));
        Assert.Equal(LocalPostgresState.Running, (await cluster.StatusAsync()).State);
    }

    [Fact]
    public async Task StopAsync_ThenStatus_ReportsStopped()
    {
        var cluster = NewCluster();
        await cluster.StopAsync(); // not initialised: no-op
        await cluster.StartAsync();

        await cluster.StopAsync();
        await cluster.StopAsync(); // already stopped: no-op

        var status = await cluster.StatusAsync();
        Assert.Equal(LocalPostgresState.Stopped, status.State);
        Assert.StartsWith("stopped", status.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cluster.SocketDirectory, ".s.PGSQL.5432")));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(cluster, "select 1"));
    }

    [Fact]
    public async Task StartAsync_AfterStop_KeepsData()
    {
        var cluster = NewCluster();
        await cluster.StartAsync();
        await ScalarAsync<int>(cluster, "create table kept (id int primary key); insert into kept values (42); select 0");

        await cluster.StopAsync();
        await cluster.StartAsync();

        Assert.Equal(42, await ScalarAsync<int>(cluster, "select id from kept"));
    }

    [Fact]
    public async Task DestroyAsync_RemovesDirectory()
    {
        var cluster = NewCluster();
        await cluster.StartAsync();

        await cluster.DestroyAsync();

        Assert.False(Directory.Exists(cluster.ClusterDirectory));
        Assert.Equal(LocalPostgresState.NotInitialised, (await cluster.StatusAsync()).State);
        await cluster.DestroyAsync(); // nothing left: no-op
    }

    [Fact]
    public async Task StartAsync_WhenPathTooLongForSocket_UsesShortSocketDirectory()
    {
        var root = NewDirectory();
        var cluster = Track(new LocalPostgres(Path.Combine(root, new string('x', 60), new string('y', 40)), port: 5433));
        Assert.NotEqual(cluster.ClusterDirectory, cluster.SocketDirectory);
        Assert.StartsWith("/tmp/fwk-pg-", cluster.SocketDirectory, StringComparison.Ordinal);

        await cluster.StartAsync();

        Assert.Equal(1, await ScalarAsync<int>(cluster, "select 1"));
        Assert.Equal(5433, await ScalarAsync<int>(cluster, "select current_setting('port')::int"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(cluster.SocketDirectory));
        await cluster.DestroyAsync();
        Assert.False(Directory.Exists(cluster.SocketDirectory));
    }

    [Fact]
    public async Task StartAsync_UnderPrivateParentDirectory_Works()
    {
        // A parent only its owner may enter (like a home directory): as root the server user must still reach the
        // cluster, so the parent gets o+x; as any other user nothing needs to change.
        var parent = NewDirectory();
        Directory.CreateDirectory(parent);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cluster = Track(new LocalPostgres(Path.Combine(parent, ".fwk", "postgres")));

        await cluster.StartAsync();

        Assert.Equal(1, await ScalarAsync<int>(cluster, "select 1"));
        var expectedOtherExecute = ServerAccount.IsRoot;
        Assert.Equal(expectedOtherExecute, File.GetUnixFileMode(parent).HasFlag(UnixFileMode.OtherExecute));
        Assert.False(File.GetUnixFileMode(parent).HasFlag(UnixFileMode.OtherRead));
    }

    [Fact]
    public void PostgresBinaries_FindDirectory_FindsAllTools()
    {
        var directory = PostgresBinaries.FindDirectory();

        foreach (var tool in PostgresBinaries.RequiredTools)
        {
            Assert.True(File.Exists(PostgresBinaries.Tool(directory, tool)), $"{tool} in {directory}");
        }
    }

    [Fact]
    public void PostgresBinaries_WhenNothingFound_SaysHowToInstall()
    {
        var empty = NewDirectory();
        Directory.CreateDirectory(empty);

        var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.FindDirectory(empty, [empty]));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("[database] host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresBinaries_ResolvesSymbolicLinksOnPath()
    {
        var real = PostgresBinaries.FindDirectory();
        var links = NewDirectory();
        Directory.CreateDirectory(links);
        foreach (var tool in new[] { "pg_ctl", "postgres" })
        {
            File.CreateSymbolicLink(Path.Combine(links, tool), PostgresBinaries.Tool(real, tool));
        }

        Assert.Equal(real, PostgresBinaries.FindDirectory(links, []));
    }

    private LocalPostgres NewCluster() => Track(new LocalPostgres(NewDirectory()));

    private LocalPostgres Track(LocalPostgres cluster)
    {
        _clusters.Add(cluster);
        return cluster;
    }

    private string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fwk-pg-" + Guid.NewGuid().ToString("N")[..8]);
        _directories.Add(directory);
        return directory;
    }

    private static async Task<T> ScalarAsync<T>(LocalPostgres cluster, string sql)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The shared fixture other database tests build on.</summary>
[Collection("postgres")]
public sealed class LocalPostgresFixtureTests(PostgresFixture fixture)
{
    [Fact]
    public async Task CreateDatabaseAsync_CreatesFreshDatabase_ReachableThroughConnectionString()
    {
        var first = await fixture.CreateDatabaseAsync("My-App");
        var second = await fixture.CreateDatabaseAsync();

        Assert.StartsWith("my_app_", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString(first));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_database()", connection);
        Assert.Equal(first, await command.ExecuteScalarAsync());
        Assert.Equal(LocalPostgresState.Running, (await fixture.Cluster.StatusAsync()).State);
    }
}
