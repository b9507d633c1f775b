using JobsBench;

// The jobs benchmark (issue 18): trivial jobs enqueued in batches of 1 and 100 and then worked, and the enqueue-to-start
// latency of idle workers, for every target in Targets on one throwaway PostgreSQL cluster. Each target's runner is a
// child process speaking one protocol (Measurement.Arguments in, one JSON line out, RunnerResult); rounds interleave the
// targets, and the table has medians and per-round ratios to graphile-worker and Hangfire.
// A failed run stops the benchmark (exit 1) after the cluster is removed.
// Usage: benchmarks/jobs.sh [--quick] [--jobs N] [--rounds R] [--workers W] [--rate R] [--latency-seconds S] [--targets a,b]
var options = JobsOptions.Parse(args);
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "Framework.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run the harness from the repository (benchmarks/jobs.sh).");
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;   // the runner in flight is killed and the cluster removed before exiting
    cancel.Cancel();
};

var targets = Targets.Available(root, options, message => Console.Error.WriteLine(message));
if (targets.Count == 0)
{
    Console.Error.WriteLine("No target to run.");
    return 1;
}

Console.Error.WriteLine("Starting a throwaway PostgreSQL cluster…");
await using var cluster = await JobsCluster.StartAsync(cancel.Token);
try
{
    JobsReport.Print(await JobRounds.RunAsync(cluster, targets, options, cancel.Token), targets, options, cluster.Version);
    return 0;
}
catch (Exception failure) when (failure is InvalidOperationException or TimeoutException or FormatException or OperationCanceledException)
{
    Console.Error.WriteLine($"The jobs benchmark failed: {failure.Message}");
    return 1;
}
