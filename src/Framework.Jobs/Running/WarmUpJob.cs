namespace Fwk.Jobs;

/// <summary>Fwk's own no-op job, run once by <see cref="JobWarmUp"/> when workers start (never stored).</summary>
internal sealed record WarmUpJob;
