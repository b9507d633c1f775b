using System.Text.RegularExpressions;
using Npgsql;

namespace Harness;

/// <summary>
/// The database every target serves: <c>users_app_bench</c> on the sample's managed cluster (samples/UsersApp/.fwk),
/// created by the sample's own <c>create_db</c> and seeded with 200 users; the sample's own data is not touched. Disposing
/// deletes the rows POST added (users and their welcome-mail jobs), and stops the cluster only when this run started it.
/// </summary>
internal sealed partial class BenchDatabase : IAsyncDisposable
{
    private static readonly TimeSpan VerbTimeout = TimeSpan.FromMinutes(3);

    private readonly string _sampleDirectory;
    private readonly string _sampleDll;
    private readonly bool _startedCluster;

    private readonly string _dataDirectory;

    private BenchDatabase(string sampleDirectory, string sampleDll, bool startedCluster, string connectionString, IReadOnlyList<int> userIds, string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _sampleDirectory = sampleDirectory;
        _sampleDll = sampleDll;
        _startedCluster = startedCluster;
        ConnectionString = connectionString;
        UserIds = userIds;
    }

    /// <summary>What points the sample at the benchmark's databases instead of its own, and gives its accounts a signing key.</summary>
    public static IReadOnlyDictionary<string, string> SampleEnvironment { get; } = new Dictionary<string, string>
    {
        ["FWK_DATABASE__NAME"] = "users_app_bench",
        ["FWK_DATABASE_AUDIT__NAME"] = "users_app_bench_audit",
        ["FWK_DATABASE__POOL_SIZE"] = "20",
        ["FWK_AUTH_SIGNING_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
    };

    /// <summary>
    /// For the hand-written targets: the same database, a pool of 20 as the sample gets (four targets' pools stay under the
    /// cluster's 100 connections; more left the last target waiting for connections).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The seeded users' ids, for GET by id and PUT.</summary>
    public IReadOnlyList<int> UserIds { get; }

    public static async Task<BenchDatabase> PrepareAsync(string sampleDirectory, string sampleDll)
    {
        var wasRunning = (await RunSampleAsync(sampleDirectory, sampleDll, "db", "status")).Contains(": running", StringComparison.Ordinal);
        await RunSampleAsync(sampleDirectory, sampleDll, "create_db");
        var status = await RunSampleAsync(sampleDirectory, sampleDll, "db", "status");
        var socket = Socket().Match(status);
        var connectionString = $"Host={socket.Groups[1].Value};Port={socket.Groups[2].Value};Username=postgres;Database=users_app_bench;Maximum Pool Size=20";

        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var seed = source.CreateCommand("""
            DELETE FROM users WHERE email LIKE 'post-%';
            INSERT INTO users (name, email) SELECT 'Seed ' || n, 'seed' || n || '@bench.example' FROM generate_series(1, 200) n
            ON CONFLICT (email) DO NOTHING
            """))
        await using (var vacuum = source.CreateCommand("VACUUM ANALYZE users"))
        {
            await seed.ExecuteNonQueryAsync();
            await vacuum.ExecuteNonQueryAsync();
        }

        var ids = new List<int>();
        await using (var select = source.CreateCommand("SELECT id FROM users WHERE email LIKE 'seed%' OR email LIKE 'put%' ORDER BY id LIMIT 200"))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        return new BenchDatabase(sampleDirectory, sampleDll, !wasRunning, connectionString, ids, DataDirectory().Match(status).Groups[1].Value);
    }

    /// <summary>The CPU time the cluster's processes used so far (the postmaster of postmaster.pid and its backends).</summary>
    public TimeSpan ServerCpuTime() =>
        CpuTime.OfTree(int.Parse(File.ReadLines(Path.Combine(_dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>How long the sample's <c>create_db</c> takes on a database that is already up to date.</summary>
    public async Task<TimeSpan> TimeIdempotentCreateDbAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await RunSampleAsync(_sampleDirectory, _sampleDll, "create_db");
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        // The welcome mails POST enqueued (no target works them) go too, or each run would start on a longer queue.
        await using (var source = NpgsqlDataSource.Create(ConnectionString))
        await using (var delete = source.CreateCommand("DELETE FROM users WHERE email LIKE 'post-%'; DELETE FROM fwk_jobs WHERE args->>'email' LIKE 'post-%'"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        if (_startedCluster)
        {
            await RunSampleAsync(_sampleDirectory, _sampleDll, "db", "stop");
        }
    }

    private static Task<string> RunSampleAsync(string sampleDirectory, string sampleDll, params string[] verb) =>
        ChildProcess.RunAsync("dotnet", [sampleDll, .. verb], sampleDirectory, SampleEnvironment, VerbTimeout);

    [GeneratedRegex(@"socket ([^,]+), port (\d+)")]
    private static partial Regex Socket();

    [GeneratedRegex(@"data directory ([^)\n]+)\)")]
    private static partial Regex DataDirectory();
}
