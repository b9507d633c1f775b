using System.Collections.Concurrent;

namespace JobsFwk;

/// <summary>What the handler saw: each job's enqueue-to-start time, and when the expected number had started.</summary>
public sealed class Recorder(int expected)
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public Task All => _all.Task;

    public IReadOnlyList<double> Latencies => [.. _latencies.Order()];

    public static long NowMicros() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 + (DateTime.UtcNow.Ticks / 10 % 1000);

    public void Started(Trivial job)
    {
        _latencies.Add((NowMicros() - job.EnqueuedMicros) / 1000.0);
        if (Interlocked.Increment(ref _started) == expected)
        {
            _all.TrySetResult();
        }
    }
}
