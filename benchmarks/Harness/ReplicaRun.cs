using System.Globalization;
using Fwk.Db.Local;
using Npgsql;

namespace Harness;

/// <summary>
/// <c>--replica</c>: the sample's read routes (<c>ReadSession</c>) served from the primary alone (twice: the second copy is
/// the A/A control) and with one streaming standby of it (<c>pg_basebackup -R</c>, listed in <c>replicas</c>), all on this
/// machine. Prints the load table with ratios to primary-only, and how many transactions the standby served, which shows
/// the reads went there. The standby is removed afterwards.
/// </summary>
internal static class ReplicaRun
{
    public const string PrimaryOnly = "primary only";
    public const string PrimaryCopy = "primary A/A";
    public const string WithStandby = "+1 standby";
    private const int StandbyPort = 5451;

    public static async Task RunAsync(BenchDatabase database, Target fwk, string sampleDirectory, HarnessOptions options)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var primary = new LocalPostgres(Path.Combine(sampleDirectory, ".fwk", "postgres"), server.Port);
        var standby = new LocalPostgres(Path.Combine(Path.GetTempPath(), "fwk-bench-standby-" + Guid.NewGuid().ToString("N")[..8]), StandbyPort);
        Console.Error.WriteLine("Starting a streaming standby of the sample's cluster…");
        await standby.StartAsStandbyOfAsync(primary);
        try
        {
            var replicas = new Dictionary<string, string>(fwk.Environment) { ["FWK_DATABASE__REPLICAS"] = $"{standby.SocketDirectory}:{standby.Port}" };
            List<RunningApp> StartTargets() =>
            [
                (fwk with { Name = PrimaryOnly }).Start(8103),
                (fwk with { Name = PrimaryCopy }).Start(8102),
                (fwk with { Name = WithStandby, Environment = replicas }).Start(8105),
            ];
            var scripts = Directory.CreateTempSubdirectory("fwk-bench-").FullName;
            var reads = Scenario.All(database.UserIds, scripts).Where(s => s.Script is null && s.Path.StartsWith("/users", StringComparison.Ordinal)).ToList();
            Console.Error.WriteLine($"Load: {options.Rounds} rounds of {options.Duration.TotalSeconds:0} s over {options.Generations} process generation(s), {options.Connections} connections…");
            var before = await TransactionsAsync(standby);
            var (results, memory) = await LoadRounds.RunAsync(reads, StartTargets, options);
            var served = await TransactionsAsync(standby) - before;
            Directory.Delete(scripts, recursive: true);

            Report.PrintLoad(results, [.. memory.Keys], PrimaryOnly, PrimaryCopy);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"transactions the standby served during the load: {served:N0} (only '{WithStandby}' reads there)"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await standby.DestroyAsync();
        }
    }

    private static async Task<long> TransactionsAsync(LocalPostgres standby)
    {
        await using var source = NpgsqlDataSource.Create(standby.ConnectionString("postgres"));
        await using var command = source.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = 'users_app_bench'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
