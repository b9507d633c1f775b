namespace Fwk.Cli;

/// <summary>The exit code and captured output of a finished child process.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">What it wrote to stdout.</param>
/// <param name="StandardError">What it wrote to stderr.</param>
internal sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError);
