namespace Harness;

/// <summary>
/// Process start to the first 200 of a path, each start a new process (the others idle). The targets take turns, start by
/// start, so a machine that slows down or speeds up during the measurement favours none; the median of each is reported.
/// </summary>
internal static class ColdStart
{
    private const int Port = 8110;

    public static async Task<Dictionary<string, TimeSpan>> MediansAsync(IReadOnlyList<Target> targets, string path, int starts)
    {
        var times = targets.ToDictionary(target => target.Name, _ => new List<TimeSpan>());
        for (var i = 0; i < starts; i++)
        {
            foreach (var target in targets)
            {
                using var app = target.Start(Port);
                times[target.Name].Add(await app.WaitForOkAsync(path, TimeSpan.FromSeconds(60)));
            }
        }

        return times.ToDictionary(entry => entry.Key, entry => Statistics.Median(entry.Value));
    }
}
