using System.Diagnostics;

namespace Harness;

/// <summary>
/// One watcher (<c>fwk run --watch</c> or <c>dotnet watch</c>) serving an app whose <c>GET /</c> answer is in one source file:
/// the time from its start to the first 200, then, per edit, from saving the file with a new answer to the first 200 that
/// carries it. The file is restored and the watcher killed (its process tree, by PID) when disposed.
/// </summary>
internal sealed class WatchedEdits(string name, Process watcher, Uri url, string file, string original, string marker) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public string Name => name;

    /// <summary>Starts <paramref name="file"/>'s watcher; <paramref name="marker"/> is the text of the answer the edits change.</summary>
    public static WatchedEdits Start(
        string name, string command, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string> environment, Uri url, string file, string marker)
    {
        var original = File.ReadAllText(file);
        if (!original.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file} does not contain \"{marker}\".");
        }

        return new WatchedEdits(name, ChildProcess.Start(command, arguments, directory, environment), url, file, original, marker);
    }

    /// <summary>From the watcher's start to its first answer with the original text.</summary>
    public async Task<TimeSpan> FirstAnswerAsync()
    {
        await WaitForAsync(marker);
        return _sinceStart.Elapsed;
    }

    /// <summary>Saves the file with answer edit <paramref name="number"/>; returns the time until the app answers it.</summary>
    public async Task<TimeSpan> EditAsync(int number)
    {
        var answer = $"{marker} (edit {number})";
        var saved = Stopwatch.StartNew();
        await File.WriteAllTextAsync(file, original.Replace(marker, answer, StringComparison.Ordinal));
        await WaitForAsync(answer);
        return saved.Elapsed;
    }

    public void Dispose()
    {
        File.WriteAllText(file, original);
        if (!watcher.HasExited)
        {
            watcher.Kill(entireProcessTree: true);
            watcher.WaitForExit();
        }

        watcher.Dispose();
    }

    private async Task WaitForAsync(string answer)
    {
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < Timeout)
        {
            if (watcher.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {watcher.ExitCode} before answering \"{answer}\".");
            }

            try
            {
                if ((await Client.GetStringAsync(url)).Contains(answer, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or restarting.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{name} did not answer \"{answer}\" on {url} within {Timeout.TotalMinutes:0} min.");
    }
}
