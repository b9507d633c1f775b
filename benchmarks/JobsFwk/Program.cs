using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fwk;
using Fwk.Db;
using Fwk.Jobs;
using JobsFwk;
using Npgsql;

// The jobs benchmark's Fwk runner (protocol: benchmarks/Jobs). Throughput: N jobs are enqueued through JobQueue (B per
// transaction) due in the far future while the workers idle, then made due in one statement: the clock runs from then
// until the N-th handler started. Latency: one job per transaction at R/s to idle workers, woken by NOTIFY.
var arguments = args.Select((value, index) => (value, index)).Where(a => a.value.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(a => a.value[2..], a => args[a.index + 1]);
var mode = arguments["mode"];
var jobs = int.Parse(arguments["jobs"], CultureInfo.InvariantCulture);
var batch = int.Parse(arguments["batch"], CultureInfo.InvariantCulture);
var workers = int.Parse(arguments["workers"], CultureInfo.InvariantCulture);
var rate = int.Parse(arguments.GetValueOrDefault("rate", "50"), CultureInfo.InvariantCulture);
var connection = new NpgsqlConnectionStringBuilder(arguments["connection"]);
var variables = new Dictionary<string, string?>
{
    ["FWK_DATABASE__HOST"] = connection.Host,
    ["FWK_DATABASE__PORT"] = connection.Port.ToString(CultureInfo.InvariantCulture),
    ["FWK_DATABASE__USERNAME"] = connection.Username,
    ["FWK_DATABASE__PASSWORD"] = connection.Password,
    ["FWK_DATABASE__NAME"] = connection.Database,
    ["FWK_JOBS__WORKERS"] = workers.ToString(CultureInfo.InvariantCulture),
};
FwkApplication App(params string[] verb) => FwkApplication.Create(verb, new FwkOptions
{
    ProjectDirectory = AppContext.BaseDirectory,
    EnvironmentVariables = variables,
    Error = Console.Error,
    Output = Console.Error,
}).AddApp<BenchApp>();

await using (var schema = App("create_db").UseDatabase().UseJobs())
{
    if (await schema.RunAsync() != 0)
    {
        return 1;
    }
}

var recorder = new Recorder(jobs);
await using var app = App().UseDatabase().UseJobs();
app.Services.AddSingleton(recorder);
await app.StartAsync();
var databases = app.ServiceProvider.GetRequiredService<Databases>();
var farFuture = new JobOptions { RunAt = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

async Task EnqueueAsync(int count, JobOptions? options)
{
    await using var scope = app.ServiceProvider.CreateAsyncScope();
    var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
    for (var i = 0; i < count; i++)
    {
        queue.Enqueue(new Trivial(Recorder.NowMicros()), options);
    }

    await scope.ServiceProvider.GetRequiredService<Session>().SaveChangesAsync();
}

string result;
if (mode == "throughput")
{
    var enqueueClock = Stopwatch.StartNew();
    for (var done = 0; done < jobs; done += batch)
    {
        await EnqueueAsync(Math.Min(batch, jobs - done), farFuture);
    }

    var enqueueSeconds = enqueueClock.Elapsed.TotalSeconds;
    await using (var due = databases.DataSource().CreateCommand("UPDATE fwk_jobs SET run_at = now() WHERE kind = 'JobsFwk.Trivial'; SELECT pg_notify('fwk_jobs', '')"))
    {
        await due.ExecuteNonQueryAsync();
    }

    var clock = Stopwatch.StartNew();
    await recorder.All.WaitAsync(TimeSpan.FromMinutes(10));
    var seconds = clock.Elapsed.TotalSeconds;
    result = JsonSerializer.Serialize(new
    {
        target = "fwk",
        mode,
        batch,
        jobs,
        workers,
        seconds,
        jobs_per_s = jobs / seconds,
        enqueue_seconds = enqueueSeconds,
        enqueue_per_s = jobs / enqueueSeconds,
    });
}
else
{
    await Task.Delay(TimeSpan.FromSeconds(1));
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < jobs; i++)
    {
        var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await EnqueueAsync(1, null);
    }

    var span = clock.Elapsed.TotalSeconds;
    await recorder.All.WaitAsync(TimeSpan.FromMinutes(2));
    var latencies = recorder.Latencies;
    double Rank(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
    result = JsonSerializer.Serialize(new { target = "fwk", mode, batch = 1, jobs, workers, rate, seconds = span, p50_ms = Rank(0.5), p99_ms = Rank(0.99), max_ms = latencies[^1] });
}

await app.StopAsync();
Console.WriteLine(result);
return 0;
