namespace JobsHangfire;

/// <summary>
/// What the workers report: how many jobs have run (the clock stops when the expected count has), and for the latency
/// mode each job's enqueue-to-start time. Clocks are wall-clock microseconds since the Unix epoch (see <see cref="Now"/>).
/// </summary>
internal static class Probe
{
    private static int _expected;
    private static int _started;
    private static double[] _latencies = [];
    private static TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the expected count of jobs has run.</summary>
    public static Task AllStarted => _allStarted.Task;

    public static long Now() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static void Expect(int jobs)
    {
        _expected = jobs;
        _started = 0;
        _latencies = new double[jobs];
        _allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Called first thing by every job with its payload, the enqueue time.</summary>
    public static void Started(long enqueuedMicroseconds)
    {
        var latency = (Now() - enqueuedMicroseconds) / 1000.0;
        var index = Interlocked.Increment(ref _started) - 1;
        if (index < _latencies.Length)
        {
            _latencies[index] = latency;
        }

        if (index == _expected - 1)
        {
            _allStarted.TrySetResult();
        }
    }

    /// <summary>The recorded latencies (milliseconds), in no particular order.</summary>
    public static double[] Latencies() => [.. _latencies.Take(Math.Min(_started, _latencies.Length))];
}
