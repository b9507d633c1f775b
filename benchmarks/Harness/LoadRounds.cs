namespace Harness;

/// <summary>
/// Every scenario against every target. A scenario's rounds are split between generations of processes (two in a full
/// run; the targets are restarted between them, and the last generation goes on to the next scenario): two processes of
/// the same app differ by up to 8 % in requests/s on this machine (JIT and profile-guided code, memory layout), so one
/// pair of processes cannot settle a smaller difference. Each generation warms every target up (JIT tiers, pools,
/// caches), then runs interleaved rounds whose order rotates, so a machine that speeds up or slows down during the run
/// favours no target.
/// </summary>
internal static class LoadRounds
{
    /// <summary>
    /// The results per scenario and target (rounds in order), and each target's resident memory after the last load. With
    /// <paramref name="serverCpu"/> (PostgreSQL's CPU time so far), each round also tells the CPU per request of the target
    /// and of PostgreSQL: steadier than requests/s on a machine whose speed drifts, and it tells where a cost lies.
    /// </summary>
    public static async Task<(Dictionary<(Scenario Scenario, string Target), List<WrkResult>> Results, Dictionary<string, double> Memory)> RunAsync(
        IReadOnlyList<Scenario> scenarios, Func<List<RunningApp>> startTargets, HarnessOptions options, Func<TimeSpan>? serverCpu = null)
    {
        var results = new Dictionary<(Scenario, string), List<WrkResult>>();
        var apps = startTargets();
        try
        {
            foreach (var scenario in scenarios)
            {
                Console.Error.Write(scenario.Name);
                foreach (var app in apps)
                {
                    results[(scenario, app.Name)] = [];
                }

                for (var generation = 0; generation < options.Generations; generation++)
                {
                    if (generation > 0)
                    {
                        apps.ForEach(app => app.Dispose());
                        apps = startTargets();
                    }

                    await WarmUpAsync(apps, scenario, options);
                    for (var round = generation * options.Rounds / options.Generations; round < (generation + 1) * options.Rounds / options.Generations; round++)
                    {
                        Console.Error.Write($", round {round + 1}");
                        for (var i = 0; i < apps.Count; i++)
                        {
                            var app = apps[(i + round) % apps.Count];
                            results[(scenario, app.Name)].Add(await MeasureAsync(app, scenario, options, serverCpu));
                        }
                    }
                }

                Console.Error.WriteLine();
            }

            return (results, apps.ToDictionary(app => app.Name, app => app.ResidentMegabytes()));
        }
        finally
        {
            apps.ForEach(app => app.Dispose());
        }
    }

    private static async Task<WrkResult> MeasureAsync(RunningApp app, Scenario scenario, HarnessOptions options, Func<TimeSpan>? serverCpu)
    {
        if (serverCpu is null)
        {
            return await Wrk.RunAsync(app, scenario, options.Duration, options.Connections);
        }

        var (app0, server0) = (app.CpuTime(), serverCpu());
        var result = await Wrk.RunAsync(app, scenario, options.Duration, options.Connections);
        var (app1, server1) = (app.CpuTime(), serverCpu());
        return result with
        {
            AppCpuMilliseconds = (app1 - app0).TotalMilliseconds / result.Requests,
            DatabaseCpuMilliseconds = (server1 - server0).TotalMilliseconds / result.Requests,
        };
    }

    // Until each answers: a cold first query (EF's model, JIT) can outlast a short warm-up on a busy machine.
    private static async Task WarmUpAsync(List<RunningApp> apps, Scenario scenario, HarnessOptions options)
    {
        Console.Error.Write(": warm-up");
        foreach (var app in apps)
        {
            await app.WaitForOkAsync("/", TimeSpan.FromSeconds(60));
            for (var attempt = 0; attempt < 10; attempt++)
            {
                if ((await Wrk.RunAsync(app, scenario, options.WarmUp, options.Connections)).Requests > 0)
                {
                    break;
                }
            }
        }
    }
}
