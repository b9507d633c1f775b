using System.Diagnostics;
using System.Net.Http.Json;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>
/// PostgreSQL goes away under a write load (killed with SIGKILL, or stopped fast) and comes back: no acknowledged write is
/// lost, none is written twice, every failed request is 1009 (503) in the envelope, and writes succeed again soon after.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class FaultTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FaultAt = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task PostgresKilled_UnderWrites_LosesAndDoublesNothing_AndFailsOnlyWith1009() =>
        await RunAsync("killed", cluster.CrashAsync, retryWithKeys: false);

    [Fact]
    public async Task PostgresStoppedFast_UnderWrites_LosesAndDoublesNothing_AndFailsOnlyWith1009() =>
        await RunAsync("stopped", cluster.StopFastAsync, retryWithKeys: false);

    [Fact]
    public async Task PostgresKilled_UnderWritesRetriedWithIdempotencyKeys_EveryWriteLandsExactlyOnce() =>
        await RunAsync("keyed", cluster.CrashAsync, retryWithKeys: true);

    private async Task RunAsync(string name, Func<Task> fault, bool retryWithKeys)
    {
        var settings = cluster.SampleSettings(name);
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "create_db")).ExitCode);
        using var server = SampleServer.Start(SampleServer.FreePort(), settings);
        await server.WaitUntilServingAsync();
        var owner = await (await server.Client.PostAsJsonAsync("/users", new { name = "Owner", email = "owner@example.com" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var cars = $"/users/{owner.GetProperty("data").GetProperty("id").GetInt32()}/cars";

        var back = TimeSpan.Zero;
        var faulting = Task.Run(async () =>
        {
            await Task.Delay(FaultAt);
            var clock = Stopwatch.StartNew();
            await fault();
            await cluster.StartAsync();
            back = FaultAt + clock.Elapsed; // roughly: the load's clock started with this task
        });
        var outcomes = await Load.RunAsync(16, LoadTime, (_, clock) => retryWithKeys ? WriteUntilAcknowledgedAsync(server, cars, clock) : WriteAsync(server, cars, clock, Guid.NewGuid().ToString("N"), null));
        await faulting;

        var acknowledged = outcomes.Where(o => o.Ok).Select(o => o.Tag!).ToList();
        var counts = await RowsPerMarkerAsync(settings["FWK_DATABASE__NAME"]);
        var missing = acknowledged.Count(marker => !counts.ContainsKey(marker));
        var duplicates = counts.Count(c => c.Value > 1);
        var failed = outcomes.Where(o => !o.Ok).ToList();
        var firstAfter = outcomes.FirstOrDefault(o => o.Ok && o.At > back)?.At - back;
        output.WriteLine(
            $"{name}: {outcomes.Count} writes, {acknowledged.Count} acknowledged, {failed.Count} failed "
            + $"({string.Join(", ", failed.GroupBy(f => (f.Status, f.Code)).Select(g => $"{g.Count()}× {g.Key.Status}/{g.Key.Code}"))}); "
            + $"{missing} acknowledged missing, {duplicates} written twice; first 2xx {firstAfter?.TotalSeconds:0.00} s after PostgreSQL was back");

        Assert.Equal(0, missing);
        Assert.Equal(0, duplicates);
        Assert.All(failed, f => Assert.Equal((503, 1009), (f.Status, f.Code ?? 0)));
        Assert.NotNull(firstAfter);
        Assert.True(firstAfter < TimeSpan.FromSeconds(2), $"Writes succeeded again only {firstAfter?.TotalSeconds:0.00} s after PostgreSQL accepted connections.");
        if (retryWithKeys)
        {
            Assert.Empty(failed);
            Assert.Equal(acknowledged.Count, counts.Count);
        }
    }

    private static Task<Outcome> WriteAsync(SampleServer server, string cars, Stopwatch clock, string marker, string? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, cars) { Content = JsonContent.Create(new { name = marker, model = "Fault", doors = 4 }) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return Load.SendAsync(server.Client, message, clock, marker);
    }

    // A careful client: the same request with the same key until it is acknowledged (bounded).
    private static async Task<Outcome> WriteUntilAcknowledgedAsync(SampleServer server, string cars, Stopwatch clock)
    {
        var marker = Guid.NewGuid().ToString("N");
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await WriteAsync(server, cars, clock, marker, marker);
            if (outcome.Ok || attempt == 100)
            {
                return outcome;
            }

            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<string, long>> RowsPerMarkerAsync(string database)
    {
        var rows = await cluster.ScalarAsync<string[]>(database, "select coalesce(array_agg(name || '=' || n), '{}') from (select name, count(*) n from cars group by name) c");
        return rows.Select(r => r.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
