namespace Fwk.Testing;

/// <summary>What a verb run by <see cref="FwkTestApp.RunVerbAsync"/> did: its exit code (0 ok, 1 failure, 2 usage) and what it wrote.</summary>
public sealed record VerbResult(int ExitCode, string Output, string Error);
