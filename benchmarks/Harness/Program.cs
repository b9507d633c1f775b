using Harness;

// The benchmark: the Fwk sample against the same routes hand-written with Minimal APIs + EF Core (the baseline, started
// twice: the second copy is the A/A control) and with raw Npgsql (the limit), all on 127.0.0.1 against one database.
// Prints requests/s, p99 and memory per scenario and target with ratios to the baseline, then cold start and create_db.
// Usage: benchmarks/run.sh [--quick] [--rounds N] [--duration S] [--connections C]   (--quick exits 1 when a smoke check fails)
//        benchmarks/run.sh --replica   (the sample's read routes on the primary alone vs with one streaming standby)
//        benchmarks/run.sh --cold      (cold starts and create_db only)
//        benchmarks/run.sh --enqueue   (POST /users with and without enqueueing its welcome mail; raw Npgsql with and without the job row)
//        benchmarks/devloop.sh         (--devloop: edit-to-answer under fwk run --watch and dotnet watch; fwk db current)
var options = HarnessOptions.Parse(args);
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "Framework.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run the harness from the repository (benchmarks/run.sh).");
}

if (args.Contains("--devloop"))
{
    await DevLoop.RunAsync(root, DevLoopOptions.Parse(args));
    return 0;
}

string Built(string project, string assembly) => Path.Combine(root, project, "bin", "Release", "net10.0", assembly + ".dll");
var sampleDirectory = Path.Combine(root, "samples", "UsersApp");
var sampleDll = Built("samples/UsersApp", "UsersApp");

Console.Error.WriteLine("Preparing the database (the sample's create_db)…");
await using var database = await BenchDatabase.PrepareAsync(sampleDirectory, sampleDll);
var hostEnvironment = new Dictionary<string, string> { ["ConnectionString"] = database.ConnectionString };

// The sample without its audit app and welcome mails: every write of the sample's would also write an audit row in a
// second database and POST /users a job, work the hand-written targets do not do.
var fwk = new Target("fwk", sampleDll, sampleDirectory, new Dictionary<string, string>(BenchDatabase.SampleEnvironment)
{
    ["FWK_APPS__ACTIVE"] = "Sample.Home, Sample.Users, Sample.Cars",
    ["FWK_USERS__WELCOME_MAIL"] = "false",
    // No workers in any target: a target's workers would otherwise claim and run the jobs another one enqueues.
    ["FWK_JOBS__ENABLED"] = "false",
}, "FWK_NETWORKING__URLS");

var baseline = new Target(Report.Baseline, Built("benchmarks/Baseline", "Baseline"), root, hostEnvironment, "ASPNETCORE_URLS");
var raw = new Target(Report.Raw, Built("benchmarks/RawNpgsql", "RawNpgsql"), root, hostEnvironment, "ASPNETCORE_URLS");

if (options.Enqueue)
{
    // POST /users alone: the sample without the job, its A/A copy, and with the job (enqueued, not worked: workers are off
    // in every target); then raw Npgsql without and with the same job row written by hand in its batch, the floor of what
    // storing a job costs a request. Five targets: pools of 16 each stay under the cluster's 100 connections.
    const int Pool = 16;
    var fwkPooled = fwk with { Environment = new Dictionary<string, string>(fwk.Environment) { ["FWK_DATABASE__POOL_SIZE"] = $"{Pool}" } };
    var fwkEnqueue = fwkPooled with
    {
        Name = Report.FwkEnqueue,
        Environment = new Dictionary<string, string>(fwkPooled.Environment) { ["FWK_USERS__WELCOME_MAIL"] = "true" },
    };
    var rawPooled = raw with
    {
        Environment = new Dictionary<string, string>(raw.Environment)
        {
            ["ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = Pool }.ConnectionString,
        },
    };
    var rawJob = rawPooled with { Name = Report.RawJobRow, Environment = new Dictionary<string, string>(rawPooled.Environment) { ["JobRow"] = "true" } };
    var posts = Directory.CreateTempSubdirectory("fwk-bench-").FullName;
    var (enqueueResults, _) = await LoadRounds.RunAsync(
        [.. Scenario.All(database.UserIds, posts).Where(s => s.Name == "POST /users")],
        () => [fwkPooled.Start(8103), (fwkPooled with { Name = Report.FwkCopy }).Start(8106), fwkEnqueue.Start(8105), rawPooled.Start(8104), rawJob.Start(8107)],
        options,
        database.ServerCpuTime);
    Directory.Delete(posts, recursive: true);
    Report.PrintLoad(enqueueResults, [fwk.Name, Report.FwkCopy, Report.FwkEnqueue], fwk.Name, Report.FwkCopy);
    Report.PrintLoad(enqueueResults, [raw.Name, Report.RawJobRow], raw.Name, Report.FwkCopy, fwk.Name);
    Report.PrintCpu(enqueueResults, [fwk.Name, Report.FwkCopy, Report.FwkEnqueue], fwk.Name, Report.FwkCopy);
    Report.PrintCpu(enqueueResults, [raw.Name, Report.RawJobRow], raw.Name, Report.FwkCopy, fwk.Name);
    return 0;
}

if (options.Replica)
{
    await ReplicaRun.RunAsync(database, fwk, sampleDirectory, options);
    return 0;
}

Console.Error.WriteLine("Cold starts…");
var byId = $"/users/{database.UserIds[0]}";
Target[] coldTargets = options.Quick ? [baseline, fwk] : [baseline, fwk, raw];
var rootStarts = await ColdStart.MediansAsync(coldTargets, "/", options.ColdStarts);
var byIdStarts = await ColdStart.MediansAsync(coldTargets, byId, options.ColdStarts);
var coldStarts = coldTargets.ToDictionary(target => target.Name, target => (rootStarts[target.Name], byIdStarts[target.Name]));

var createDbTimes = new List<TimeSpan>();
for (var i = 0; i < options.ColdStarts; i++)
{
    createDbTimes.Add(await database.TimeIdempotentCreateDbAsync());
}

if (options.ColdOnly)
{
    Report.PrintColdStart(coldStarts, Statistics.Median(createDbTimes), options.ColdStarts);
    return 0;
}

Console.Error.WriteLine($"Load: {options.Rounds} rounds of {options.Duration.TotalSeconds:0} s over {options.Generations} process generation(s), {options.Connections} connections…");
List<RunningApp> StartTargets() => options.Quick
    ? [baseline.Start(8101), fwk.Start(8103)]
    : [baseline.Start(8101), (baseline with { Name = Report.BaselineCopy }).Start(8102), fwk.Start(8103), raw.Start(8104)];
var scripts = Directory.CreateTempSubdirectory("fwk-bench-").FullName;
var (results, memory) = await LoadRounds.RunAsync(Scenario.All(database.UserIds, scripts), StartTargets, options);
Directory.Delete(scripts, recursive: true);

Report.PrintLoad(results, [.. memory.Keys]);
Report.PrintMemory(memory);
Report.PrintColdStart(coldStarts, Statistics.Median(createDbTimes), options.ColdStarts);
if (options.Quick && Report.SmokeFailures(results) is { Count: > 0 } failures)
{
    Console.WriteLine($"SMOKE FAILED:\n  {string.Join("\n  ", failures)}");
    return 1;
}

return 0;
