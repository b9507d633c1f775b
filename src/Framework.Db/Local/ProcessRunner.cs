using System.Diagnostics;
using System.Text;

namespace Fwk.Db.Local;

/// <summary>The outcome of a finished child process.</summary>
/// <param name="Command">The command line, for messages only (arguments are never passed through a shell).</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything the process wrote to stdout.</param>
/// <param name="StandardError">Everything the process wrote to stderr.</param>
internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the process exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>
    /// Builds the exception thrown for a failed command: the command, the exit code, the tail of stderr (or of stdout
    /// when stderr is empty) and, when given, <paramref name="extra"/> (for example the tail of the server log).
    /// </summary>
    public InvalidOperationException ToException(string what, string? extra = null)
    {
        var message = new StringBuilder()
            .Append(what).Append(" failed: `").Append(Command).Append("` exited with code ").Append(ExitCode).Append('.');
        var output = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        if (!string.IsNullOrWhiteSpace(output))
        {
            message.Append('\n').Append(ProcessRunner.Tail(output));
        }

        if (!string.IsNullOrWhiteSpace(extra))
        {
            message.Append('\n').Append(extra);
        }

        return new InvalidOperationException(message.ToString());
    }
}

/// <summary>Runs child processes with an argument list (no shell) and captures their output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it to exit. stdout and stderr
    /// are captured; a non-zero exit code is returned, not thrown. Cancelling kills the process.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        var command = Describe(fileName, arguments);
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start `{command}`: {ex.Message}", ex);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            throw;
        }

        return new ProcessResult(command, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The last <paramref name="maxLines"/> non-empty lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int maxLines = 20)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - maxLines)));
    }

    /// <summary>A readable command line for messages; arguments with spaces or quotes are single-quoted.</summary>
    public static string Describe(string fileName, IEnumerable<string> arguments)
        => string.Join(' ', arguments.Prepend(fileName).Select(QuoteForDisplay));

    private static string QuoteForDisplay(string argument)
        => argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '\\')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
