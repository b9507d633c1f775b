using System.Collections.Concurrent;

namespace Shop.Shop;

/// <summary>What the jobs of this process ran (a singleton the tests read).</summary>
public sealed class Seen
{
    public ConcurrentQueue<string> Runs { get; } = new();

    public void Add(string run) => Runs.Enqueue(run);

    public int Count(string prefix) => Runs.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));
}
