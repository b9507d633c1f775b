namespace Fwk.Cli.Tests.Infrastructure;

/// <summary>A finished process: exit code and output.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>stdout and stderr together, for assertions that do not care which stream a line went to.</summary>
    public string Output => StandardOutput + StandardError;

    public override string ToString() =>
        $"`{Command}` exited with {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
