using System.Diagnostics;

namespace Fwk.Db.Tests.Infrastructure;

/// <summary>Bounded polling: the only kind of waiting these tests do.</summary>
internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> every <paramref name="interval"/> until it holds; fails after <paramref name="limit"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(20));
        }
    }
}
