namespace Fwk.Jobs.Tests.Infrastructure;

/// <summary>A row of fwk_jobs as the tests read it.</summary>
public sealed record JobRow(long Id, string Kind, string State, int Attempt, string? LastError, string? UniqueKey, DateTime RunAt);
