using System.Diagnostics;
using System.Globalization;
using Fwk.Db;
using Fwk.Db.Local;
using Npgsql;

namespace Fwk.Testing;

/// <summary>
/// The PostgreSQL server of a test run, shared by every test of the process: an existing server when
/// <c>FWK_TEST_DATABASE</c> holds a connection string to it, otherwise a throwaway cluster started from the machine's
/// binaries in a temp directory (durability off: fsync, synchronous commit and full page writes, since nothing it holds
/// outlives the run). The cluster is stopped and deleted when the process ends, whether tests passed or failed, or the
/// runner killed it; one left behind anyway (the machine went down) is removed by the next run.
/// </summary>
internal sealed class TestPostgres
{
    /// <summary>The variable naming an existing server (an Npgsql connection string; its database is ignored).</summary>
    public const string ServerVariable = "FWK_TEST_DATABASE";

    /// <summary>The prefix of the throwaway clusters' directories in the temp directory.</summary>
    public const string ClusterPrefix = "fwk-test-pg-";

    private const string OwnerFile = "owner.pid";

    // The comment on each database a run clones: the mark, then the process id.
    private const string OwnerMark = "fwk test run, process ";

    private static readonly Lazy<Task<TestPostgres>> Shared = new(StartAsync);

    private static readonly Dictionary<string, string> FastSettings = new()
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "300",
    };

    private readonly NpgsqlDataSource _admin;

    /// <summary>
    /// Where throwaway clusters live: the shared-memory file system when the machine has one (copying a template there costs
    /// a fraction of what it costs on disk), else the temp directory.
    /// </summary>
    public static string ClustersDirectory { get; } = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    private TestPostgres(string host, int port, string username, string? password)
    {
        Host = host;
        Port = port;
        Username = username;
        Password = password;
        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    public string Host { get; }

    public int Port { get; }

    public string Username { get; }

    public string? Password { get; }

    /// <summary>The run's server, started (or reached) on first use.</summary>
    public static Task<TestPostgres> GetAsync() => Shared.Value;

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Username,
        Password = Password,
        Database = database,
        ApplicationName = "fwk tests",
    }.ConnectionString;

    /// <summary>Whether every one of <paramref name="databases"/> exists.</summary>
    public async Task<bool> ExistAsync(IEnumerable<string> databases)
    {
        await using var command = _admin.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = ANY(@names)");
        var names = databases.ToArray();
        command.Parameters.AddWithValue("names", names);
        return (long)(await command.ExecuteScalarAsync())! == names.Length;
    }

    /// <summary>Whether the server is this run's throwaway cluster (deleted at the end), not an existing server.</summary>
    public bool IsThrowaway { get; private init; }

    /// <summary>
    /// Creates <paramref name="database"/> as a copy of <paramref name="template"/>, marked with this process's id, so a run
    /// that dies before dropping it has it dropped by the next run.
    /// </summary>
    public async Task CloneAsync(string template, string database)
    {
        var name = SchemaCreator.QuoteIdentifier(database);

        // FILE_COPY (copy the files, then checkpoint) beat PostgreSQL 15's default WAL_LOG by about a tenth here.
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {SchemaCreator.QuoteIdentifier(template)} STRATEGY FILE_COPY");
        await ExecuteAsync($"COMMENT ON DATABASE {name} IS '{OwnerMark}{Environment.ProcessId}'");
    }

    /// <summary>Drops <paramref name="database"/> if it exists, ending its connections.</summary>
    public Task DropAsync(string database) => ExecuteAsync($"DROP DATABASE IF EXISTS {SchemaCreator.QuoteIdentifier(database)} WITH (FORCE)");

    /// <summary>
    /// Makes the freshly built <paramref name="built"/> the template <paramref name="template"/>: renamed (so a half-built
    /// template never has the final name), closed to connections (so cloning never waits) and marked as a template.
    /// </summary>
    public async Task SealAsTemplateAsync(string built, string template)
    {
        try
        {
            await ExecuteAsync($"ALTER DATABASE {SchemaCreator.QuoteIdentifier(built)} RENAME TO {SchemaCreator.QuoteIdentifier(template)}");
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            await DropAsync(built); // another run built the same template a moment ago
            return;
        }

        await ExecuteAsync($"ALTER DATABASE {SchemaCreator.QuoteIdentifier(template)} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<TestPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } existing)
        {
            var builder = new NpgsqlConnectionStringBuilder(existing);
            var server = new TestPostgres(builder.Host ?? "localhost", builder.Port, builder.Username ?? "postgres", builder.Password);
            await server.DropAbandonedDatabasesAsync();
            return server;
        }

        await RemoveAbandonedClustersAsync();
        var directory = Path.Combine(ClustersDirectory, ClusterPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var cluster = new LocalPostgres(Path.Combine(directory, "cluster"), serverSettings: FastSettings);
        StartCleanupWatch(cluster, directory);
        await cluster.StartAsync();
        return new TestPostgres(cluster.SocketDirectory, cluster.Port, cluster.Username, null) { IsThrowaway = true };
    }

    // A test runner ends its test process as it likes (at once after the last test, or killed): a small process of its own
    // session waits for this one to end, then stops the cluster at once (immediate shutdown) and deletes its directories.
    private static void StartCleanupWatch(LocalPostgres cluster, string directory)
    {
        const string Script = "while kill -0 \"$1\" 2>/dev/null; do sleep 0.2; done; "
            + "pid=$(head -n 1 \"$2/postmaster.pid\" 2>/dev/null); if [ -n \"$pid\" ]; then kill -QUIT \"$pid\" 2>/dev/null; sleep 1; fi; "
            + "rm -rf \"$3\" \"$4\"";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = ["sh", "-c", Script, "fwk-test-cleanup", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cluster.DataDirectory, directory, cluster.SocketDirectory];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var watch = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test cluster's cleanup watch (setsid).");
    }

    // Databases cloned by runs whose process is gone (killed before they dropped them).
    private async Task DropAbandonedDatabasesAsync()
    {
        await using var command = _admin.CreateCommand(
            "SELECT d.datname, s.description FROM pg_database d JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass WHERE s.description LIKE @mark");
        command.Parameters.AddWithValue("mark", OwnerMark + "%");
        var abandoned = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (int.TryParse(reader.GetString(1)[OwnerMark.Length..], CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                {
                    abandoned.Add(reader.GetString(0));
                }
            }
        }

        foreach (var database in abandoned)
        {
            await DropAsync(database);
        }
    }

    // Clusters whose owning process is gone (a run that was killed): stopped and deleted.
    private static async Task RemoveAbandonedClustersAsync()
    {
        foreach (var directory in Directory.GetDirectories(ClustersDirectory, ClusterPrefix + "*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                await new LocalPostgres(Path.Combine(directory, "cluster")).DestroyAsync();
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run is removing it too, or it is not ours to remove.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
