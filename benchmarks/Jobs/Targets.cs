namespace JobsBench;

/// <summary>
/// The targets, as data: graphile-worker (Node), Hangfire.PostgreSql, and Fwk's own jobs (benchmarks/JobsFwk), which is
/// skipped while its project does not exist. Every runner speaks the same protocol; adding one is adding an entry here.
/// </summary>
internal static class Targets
{
    public const string Graphile = "graphile-worker";
    public const string Hangfire = "hangfire";
    public const string Fwk = "fwk";

    public static IReadOnlyList<RunnerTarget> Available(string root, JobsOptions options, Action<string> skipped)
    {
        var graphileDirectory = Path.Combine(root, "benchmarks", "jobs-graphile");
        RunnerTarget[] all =
        [
            new(Graphile, "node", [Path.Combine(graphileDirectory, "runner.mjs")], graphileDirectory,
                Path.Combine(graphileDirectory, "package.json"), Path.Combine(graphileDirectory, "node_modules", "graphile-worker", "package.json"),
                ConnectionStyle.Url, "jobs_graphile",
                "graphile-worker 0.17.3 (newest on Node 20), run() concurrency = workers, pollInterval default (2 s), LISTEN/NOTIFY (default), no local queue; b=1 addJob per job, b=100 one addJobs (add_jobs) per 100"),
            Dotnet(root, Hangfire, "JobsHangfire", "jobs_hangfire",
                "Hangfire.Core 1.8.25 + Hangfire.PostgreSql 1.21.1, WorkerCount = workers, QueuePollInterval 50 ms (its minimum) + in-process wake-up, EnableLongPolling off (see JobsHangfire/HangfireSettings.cs); b=100 = 100 Create calls in one loop, a transaction each (free Hangfire has no batch insert)"),
            Dotnet(root, Fwk, "JobsFwk", "jobs_fwk", "Fwk's jobs ([jobs] workers = workers), see benchmarks/JobsFwk"),
        ];

        var present = new List<RunnerTarget>();
        foreach (var target in all.Where(t => options.Targets is null || options.Targets.Contains(t.Name)))
        {
            if (!System.IO.File.Exists(target.Project))
            {
                skipped($"skipped {target.Name}: {Path.GetRelativePath(root, target.Project)} does not exist");
                continue;
            }

            if (!System.IO.File.Exists(target.Built))
            {
                throw new InvalidOperationException($"{target.Name} is not built ({target.Built} is missing): run benchmarks/jobs.sh.");
            }

            present.Add(target);
        }

        return present;
    }

    private static RunnerTarget Dotnet(string root, string name, string project, string database, string settings)
    {
        var directory = Path.Combine(root, "benchmarks", project);
        var dll = Path.Combine(directory, "bin", "Release", "net10.0", project + ".dll");
        return new RunnerTarget(name, "dotnet", [dll], directory, Path.Combine(directory, project + ".csproj"), dll, ConnectionStyle.Npgsql, database, settings);
    }
}
