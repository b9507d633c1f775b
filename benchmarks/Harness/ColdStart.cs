namespace Harness;

/// <summary>Process start to the first 200 of a path, each start a new process (the others idle), median of several.</summary>
internal static class ColdStart
{
    private const int Port = 8110;

    public static async Task<TimeSpan> MedianAsync(Target target, string path, int starts)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < starts; i++)
        {
            using var app = target.Start(Port);
            times.Add(await app.WaitForOkAsync(path, TimeSpan.FromSeconds(60)));
        }

        return Statistics.Median(times);
    }
}
