namespace JobsBench;

/// <summary>
/// The measuring loop: per round, every measurement for every target (the targets' order rotates from round to round, so
/// that none always runs first or right after the same one), each run in a freshly created database.
/// </summary>
internal static class JobRounds
{
    public static async Task<Dictionary<(Measurement Measurement, string Target), List<RunnerResult>>> RunAsync(
        JobsCluster cluster, IReadOnlyList<RunnerTarget> targets, JobsOptions options, CancellationToken cancellationToken)
    {
        var results = new Dictionary<(Measurement Measurement, string Target), List<RunnerResult>>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var measurement in Measurement.All)
            {
                foreach (var target in targets.Skip(round % targets.Count).Concat(targets.Take(round % targets.Count)))
                {
                    await cluster.RecreateAsync(target, cancellationToken);
                    var arguments = measurement.Arguments(cluster.Connection(target), options);
                    var line = await RunnerProcess.RunAsync(target, arguments, options.RunTimeout, cancellationToken);
                    var result = RunnerResult.Parse(line, measurement, measurement.Latency ? options.LatencyJobs : options.Jobs);
                    Console.Error.WriteLine($"round {round + 1}/{options.Rounds} {measurement.Name,-16} {target.Name,-16} {line}");
                    if (!results.TryGetValue((measurement, target.Name), out var runs))
                    {
                        results[(measurement, target.Name)] = runs = [];
                    }

                    runs.Add(result);
                }
            }
        }

        return results;
    }
}
