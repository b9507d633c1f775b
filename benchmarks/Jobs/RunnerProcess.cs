using System.Diagnostics;
using System.Text;

namespace JobsBench;

/// <summary>Runs one runner to its end (killed after the timeout or on cancellation) and returns its stdout's last JSON line.</summary>
internal static class RunnerProcess
{
    public static async Task<string> RunAsync(RunnerTarget target, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(target.File, [.. target.Prefix, .. arguments])
        {
            WorkingDirectory = target.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {target.File}.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(errors, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{target.Name} did not finish within {timeout.TotalSeconds:0} s (or the run was cancelled):\n{Tail(errors)}");
        }

        process.WaitForExit();
        var line = Lines(output).LastOrDefault(l => l.StartsWith('{'));
        return process.ExitCode == 0 && line is not null
            ? line
            : throw new InvalidOperationException($"{target.Name} exited {process.ExitCode} without a result line:\n{Tail(output)}\n{Tail(errors)}");
    }

    private static string[] Lines(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    private static string Tail(StringBuilder text) => string.Join('\n', Lines(text).TakeLast(30));

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }
}
