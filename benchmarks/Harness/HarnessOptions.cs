using System.Globalization;

namespace Harness;

/// <summary>
/// What one run measures. Full (the default): 10 interleaved rounds of 3 s per scenario and target, split between two
/// generations of fresh processes, each after a 3 s warm-up (many short rounds, because ratios are paired by round and
/// this machine's speed drifts within seconds), 32 connections, 7 cold starts per target (taking turns), all four
/// targets. <c>--quick</c> (the CI smoke run): the sample and the baseline only, one generation of 3 rounds of 2 s after
/// a 2 s warm-up, 16 connections, 1 cold start. <c>--rounds N</c>, <c>--duration S</c> and <c>--connections C</c>
/// override either. <c>--replica</c> measures the sample's reads on the primary alone and with a standby instead
/// (<see cref="ReplicaRun"/>), with the full run's rounds; <c>--cold</c> only the cold starts and create_db;
/// <c>--enqueue</c> what enqueueing a job costs <c>POST /users</c> (the sample with and without its welcome mail), after a
/// 12 s warm-up: after 3 s the mail's path still ran tier-0 JIT code, which doubled its extra CPU per request.
/// </summary>
internal sealed record HarnessOptions(
    bool Quick, int Rounds, int Generations, TimeSpan Duration, TimeSpan WarmUp, int Connections, int ColdStarts, bool Replica = false, bool ColdOnly = false, bool Enqueue = false)
{
    public static HarnessOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = quick
            ? new HarnessOptions(true, 3, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 16, 1)
            : new HarnessOptions(false, 10, 2, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(args.Contains("--enqueue") ? 12 : 3), 32, 7, args.Contains("--replica"), args.Contains("--cold"), args.Contains("--enqueue"));
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] is not ("--rounds" or "--duration" or "--connections"))
            {
                continue;
            }

            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = value },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(value) },
                _ => options with { Connections = value },
            };
        }

        return options;
    }
}
