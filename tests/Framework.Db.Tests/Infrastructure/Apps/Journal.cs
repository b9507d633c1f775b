using System.Collections.Concurrent;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>What the test apps did, in order (shared by the test and its apps through DI).</summary>
internal sealed class Journal
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);
}

/// <summary>
/// Holds every request that arrives until <c>parties</c> of them are inside their handler at once, so their sessions are
/// all alive at the same time. One party (the default) never waits.
/// </summary>
internal sealed class Gate(int parties)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrived) >= parties)
        {
            _open.TrySetResult();
        }

        if (await Task.WhenAny(_open.Task, Task.Delay(TimeSpan.FromSeconds(15))) != _open.Task)
        {
            throw new InvalidOperationException($"Only {Volatile.Read(ref _arrived)} of {parties} requests arrived together.");
        }
    }
}
