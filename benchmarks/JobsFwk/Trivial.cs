namespace JobsFwk;

/// <summary>The benchmark's job: it does nothing but say when it started.</summary>
/// <param name="EnqueuedMicros">Unix time in microseconds, taken just before the enqueue.</param>
public sealed record Trivial(long EnqueuedMicros);
