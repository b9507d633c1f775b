using System.Collections.Concurrent;

namespace Fwk.Tests.Infrastructure;

/// <summary>Shared by a test and its apps through DI: what ran, in order, and what was logged.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentQueue<string> _logs = new();

    public IReadOnlyList<string> Events => [.. _events];

    public IReadOnlyList<string> Logs => [.. _logs];

    /// <summary>Set when the point a test waits for is reached: a handler is running, or the server has started.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object? Captured { get; set; }

    public void Add(string entry) => _events.Enqueue(entry);

    public void Log(string entry) => _logs.Enqueue(entry);

    public int Count(string entry) => _events.Count(e => e == entry);

    /// <summary>The owners of the entries recorded as "owner:<paramref name="eventName"/>", in the order they ran.</summary>
    public IReadOnlyList<string> Of(string eventName) =>
        [.. _events.Where(e => e.EndsWith(":" + eventName, StringComparison.Ordinal)).Select(e => e[..e.LastIndexOf(':')])];

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; request_end runs after the client already has the response.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
