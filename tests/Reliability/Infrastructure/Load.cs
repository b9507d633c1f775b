using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fwk.Reliability.Tests.Infrastructure;

/// <summary>What one request of a load did.</summary>
/// <param name="At">When it was answered, from the start of the load.</param>
/// <param name="Status">The HTTP status; 0 for a socket error (no answer).</param>
/// <param name="Took">How long it took.</param>
/// <param name="Code">The error code of an error envelope, when there is one.</param>
/// <param name="Tag">What the request wrote (a marker), for writes.</param>
internal sealed record Outcome(TimeSpan At, int Status, TimeSpan Took, int? Code = null, string? Tag = null)
{
    public bool Ok => Status is >= 200 and < 300;

    public bool SocketError => Status == 0;
}

/// <summary>A bounded load: <c>workers</c> loops sending one request after another until <c>duration</c> is over.</summary>
internal static class Load
{
    public static async Task<IReadOnlyList<Outcome>> RunAsync(int workers, TimeSpan duration, Func<int, Stopwatch, Task<Outcome>> request)
    {
        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                outcomes.Enqueue(await request(worker, clock));
            }
        })));
        return [.. outcomes.OrderBy(o => o.At)];
    }

    /// <summary>Sends <paramref name="message"/> and records its outcome (a socket error counts, never throws).</summary>
    public static async Task<Outcome> SendAsync(HttpClient client, HttpRequestMessage message, Stopwatch clock, string? tag = null)
    {
        var sent = clock.Elapsed;
        try
        {
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            int? code = null;
            if (!response.IsSuccessStatusCode && body.StartsWith('{'))
            {
                code = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var value) ? value.GetInt32() : null;
            }

            return new Outcome(clock.Elapsed, (int)response.StatusCode, clock.Elapsed - sent, code, tag);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(clock.Elapsed, 0, clock.Elapsed - sent, null, tag);
        }
    }

    /// <summary>The <paramref name="percentile"/> (0–100) of the requests' durations, in milliseconds.</summary>
    public static double Percentile(IReadOnlyList<Outcome> outcomes, double percentile)
    {
        var sorted = outcomes.Select(o => o.Took.TotalMilliseconds).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * percentile / 100))];
    }
}
