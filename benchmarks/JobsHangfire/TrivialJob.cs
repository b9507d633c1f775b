namespace JobsHangfire;

/// <summary>The benchmark's job: does nothing but report that it ran (Hangfire invokes public methods of public types).</summary>
public static class TrivialJob
{
    public static void Run(long enqueuedMicroseconds) => Probe.Started(enqueuedMicroseconds);
}
