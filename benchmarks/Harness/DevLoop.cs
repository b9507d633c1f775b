using System.Diagnostics;

namespace Harness;

/// <summary>
/// The dev loop (<c>benchmarks/devloop.sh</c>): (a) a saved edit to a <c>GET /</c> handler until the first 200 with the new
/// answer, under <c>fwk run --watch</c> of a create_project project and under <c>dotnet watch</c> of the hand-written
/// baseline (benchmarks/Baseline), the first edit after a start apart from the median of the next ones; (b) <c>fwk db
/// current</c> on the unchanged project, wall clock from process start to exit. The watchers run one after the other on
/// the same ports each time; edited files are restored and watchers killed by PID as each target ends.
/// </summary>
internal static class DevLoop
{
    private const string FwkMarker = "Hello from Devloop";
    private const string BaselineMarker = "0.1.0";
    private static readonly TimeSpan VerbTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly Dictionary<string, string> Quiet = new() { ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1" };

    public static async Task RunAsync(string root, DevLoopOptions options)
    {
        var project = Path.Combine(options.Work, "Devloop");
        Console.Error.WriteLine("Scaffolding the Devloop project and its database…");
        await ChildProcess.RunAsync(options.Fwk, ["create_project", "--name", "Devloop", "--fwk-source", root], options.Work, Quiet, VerbTimeout);
        await ChildProcess.RunAsync(options.Fwk, ["create_db"], project, Quiet, VerbTimeout);

        var fwkUrl = new Uri("http://127.0.0.1:8111/");
        var fwk = await MeasureEditsAsync(options.Rounds, () => WatchedEdits.Start(
            "fwk run --watch", options.Fwk, ["run", "--watch"], project,
            new Dictionary<string, string>(Quiet) { ["FWK_NETWORKING__URLS"] = fwkUrl.ToString().TrimEnd('/') },
            fwkUrl, Path.Combine(project, "Hello", "HelloApp.cs"), FwkMarker));

        var baselineUrl = new Uri("http://127.0.0.1:8112/");
        var baselineDirectory = Path.Combine(root, "benchmarks", "Baseline");
        string[] watch = ["watch", "--project", baselineDirectory, .. Console.IsInputRedirected ? ["--non-interactive"] : Array.Empty<string>(), "--"];
        var baseline = await MeasureEditsAsync(options.Rounds, () => WatchedEdits.Start(
            "dotnet watch (Baseline)", "dotnet", watch, baselineDirectory,
            new Dictionary<string, string>(Quiet)
            {
                ["ASPNETCORE_URLS"] = baselineUrl.ToString().TrimEnd('/'),
                ["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"] = "1",   // as fwk run --watch sets it
                ["ConnectionString"] = "Host=127.0.0.1",       // GET / reads no database
            },
            baselineUrl, Path.Combine(baselineDirectory, "Program.cs"), BaselineMarker));

        Console.Error.WriteLine("fwk db current on the unchanged project…");
        await ChildProcess.RunAsync(options.Fwk, ["db", "current"], project, Quiet, VerbTimeout);   // builds after the edits, once
        var current = new List<TimeSpan>();
        for (var i = 0; i < options.Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await ChildProcess.RunAsync(options.Fwk, ["db", "current"], project, Quiet, VerbTimeout);
            current.Add(clock.Elapsed);
        }

        DevLoopReport.Print(fwk, baseline, current);
    }

    private static async Task<DevLoopResult> MeasureEditsAsync(int rounds, Func<WatchedEdits> start)
    {
        using var target = start();
        Console.Error.WriteLine($"{target.Name}: start, then 1 + {rounds} edits…");
        var firstAnswer = await target.FirstAnswerAsync();
        var edits = new List<TimeSpan>();
        for (var edit = 0; edit <= rounds; edit++)
        {
            await Task.Delay(Settle);   // the watcher is idle again (its output settled) before the next save
            edits.Add(await target.EditAsync(edit + 1));
        }

        return new DevLoopResult(target.Name, firstAnswer, edits[0], edits.Skip(1).ToList());
    }
}
