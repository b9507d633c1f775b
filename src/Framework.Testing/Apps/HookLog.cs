namespace Fwk.Testing;

/// <summary>
/// Every hook handler a test app ran, in order. request_end runs after the response is sent, so a test that checks it
/// waits for it: <c>await app.Hooks.WaitForAsync(Events.RequestEnd, "UsersApp")</c>.
/// </summary>
public sealed class HookLog
{
    private readonly List<HookRun> _runs = [];
    private readonly List<(Func<HookRun, bool> Match, TaskCompletionSource Done)> _waiters = [];

    /// <summary>The handlers that ran so far, in order.</summary>
    public IReadOnlyList<HookRun> All
    {
        get
        {
            lock (_runs)
            {
                return [.. _runs];
            }
        }
    }

    /// <summary>Whether a handler of <paramref name="eventName"/> (of <paramref name="owner"/>, when given) ran.</summary>
    public bool Ran(string eventName, string? owner = null) => All.Any(Matches(eventName, owner));

    /// <summary>Waits until a handler of <paramref name="eventName"/> (of <paramref name="owner"/>) has run; fails after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<HookRun> WaitForAsync(string eventName, string? owner = null, TimeSpan? timeout = null)
    {
        var match = Matches(eventName, owner);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_runs)
        {
            if (_runs.FirstOrDefault(match) is { } run)
            {
                return run;
            }

            _waiters.Add((match, done));
        }

        var limit = timeout ?? TimeSpan.FromSeconds(10);
        if (await Task.WhenAny(done.Task, Task.Delay(limit)) != done.Task)
        {
            throw new TimeoutException($"No {eventName} hook{(owner is null ? string.Empty : $" of {owner}")} ran within {limit.TotalSeconds:0.#} s; ran: {string.Join(", ", All.Select(r => $"{r.Event}/{r.Owner}"))}.");
        }

        return All.First(match);
    }

    /// <summary>Records a run (called by the framework as each handler finishes).</summary>
    internal void Add(string eventName, string owner, Exception? failure)
    {
        var run = new HookRun(eventName, owner, failure);
        lock (_runs)
        {
            _runs.Add(run);
            foreach (var waiter in _waiters.Where(w => w.Match(run)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private static Func<HookRun, bool> Matches(string eventName, string? owner) =>
        run => run.Event == eventName && (owner is null || run.Owner == owner);
}
