using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using JobsHangfire;

// The Hangfire runner of the jobs benchmark (benchmarks/Jobs): Hangfire.Core + Hangfire.PostgreSql with the settings
// that favour it most (see HangfireSettings), the common protocol (RunnerArguments), one JSON line on stdout.
var arguments = RunnerArguments.Parse(args);
var timeout = TimeSpan.FromMinutes(10);

// Building the storage installs Hangfire's schema (PrepareSchemaIfNecessary): done here, outside every measurement.
var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(arguments.Connection, HangfireSettings.Storage), HangfireSettings.Storage);
GlobalConfiguration.Configuration
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseStorage(storage);
var client = new BackgroundJobClient(storage);
var enqueued = new EnqueuedState();
BackgroundJobServer StartServer() => new(HangfireSettings.Server(arguments.Workers), storage);

if (!arguments.Latency)
{
    Probe.Expect(arguments.Jobs);
    var enqueueClock = Stopwatch.StartNew();
    for (var done = 0; done < arguments.Jobs; done += arguments.Batch)
    {
        // Hangfire (free) has no batch insert: a batch is its jobs created one after another in one call.
        for (var i = 0; i < Math.Min(arguments.Batch, arguments.Jobs - done); i++)
        {
            client.Create(() => TrivialJob.Run(0), enqueued);
        }
    }

    enqueueClock.Stop();
    var clock = Stopwatch.StartNew();
    using (StartServer())
    {
        await Probe.AllStarted.WaitAsync(timeout);
        clock.Stop();
    }

    Output.Throughput(arguments, clock.Elapsed, enqueueClock.Elapsed);
    return 0;
}

Probe.Expect(arguments.Jobs);
using (StartServer())
{
    await Task.Delay(TimeSpan.FromSeconds(1));   // the workers are up and idle
    var interval = TimeSpan.FromSeconds(1.0 / arguments.Rate);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < arguments.Jobs; i++)
    {
        var wait = (interval * i) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var now = Probe.Now();
        client.Create(() => TrivialJob.Run(now), enqueued);
    }

    var enqueueTime = clock.Elapsed;
    await Probe.AllStarted.WaitAsync(TimeSpan.FromMinutes(1));
    Output.Latency(arguments, enqueueTime, Probe.Latencies());
}

return 0;
