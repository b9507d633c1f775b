namespace Harness;

/// <summary>
/// Every scenario against every target: a warm-up run per target (JIT tiers, pools, caches), then interleaved rounds whose
/// order rotates, so a machine that speeds up or slows down during the run favours no target.
/// </summary>
internal static class LoadRounds
{
    public static async Task<Dictionary<(Scenario Scenario, string Target), List<WrkResult>>> RunAsync(
        IReadOnlyList<Scenario> scenarios, IReadOnlyList<RunningApp> apps, HarnessOptions options)
    {
        var results = new Dictionary<(Scenario, string), List<WrkResult>>();
        foreach (var scenario in scenarios)
        {
            Console.Error.Write($"{scenario.Name}: warm-up");
            foreach (var app in apps)
            {
                await WarmUpAsync(app, scenario, options);
                results[(scenario, app.Name)] = [];
            }

            for (var round = 0; round < options.Rounds; round++)
            {
                Console.Error.Write($", round {round + 1}");
                for (var i = 0; i < apps.Count; i++)
                {
                    var app = apps[(i + round) % apps.Count];
                    results[(scenario, app.Name)].Add(await Wrk.RunAsync(app, scenario, options.Duration, options.Connections));
                }
            }

            Console.Error.WriteLine();
        }

        return results;
    }

    // Until it answers: a cold first query (EF's model, JIT) can outlast a short warm-up on a busy machine.
    private static async Task WarmUpAsync(RunningApp app, Scenario scenario, HarnessOptions options)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if ((await Wrk.RunAsync(app, scenario, options.WarmUp, options.Connections)).Requests > 0)
            {
                return;
            }
        }
    }
}
