using System.Net.Http.Json;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>
/// Two sample instances on one database behind HAProxy: both start at once and migrate under one lock, and when one is
/// killed under a write load the proxy routes around it, losing no acknowledged write.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class TwoInstancesTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task OneOfTwoInstancesKilled_UnderWritesThroughHaproxy_LosesNothing_AndTheOtherServesEverything()
    {
        var settings = cluster.SampleSettings("pair");
        settings["FWK_DATABASE__MIGRATE_ON_STARTUP"] = "true";
        settings["FWK_DATABASE_AUDIT__MIGRATE_ON_STARTUP"] = "true";
        await cluster.ExecuteAsync("postgres", $"CREATE DATABASE \"{settings["FWK_DATABASE__NAME"]}\"");
        await cluster.ExecuteAsync("postgres", $"CREATE DATABASE \"{settings["FWK_DATABASE_AUDIT__NAME"]}\"");

        // Both instances start together on the empty databases: one migrates, the other waits for the lock.
        using var first = SampleServer.Start(SampleServer.FreePort(), settings);
        using var second = SampleServer.Start(SampleServer.FreePort(), settings);
        await Task.WhenAll(first.WaitUntilServingAsync(), second.WaitUntilServingAsync());
        using var proxy = Haproxy.Start([first.Port, second.Port]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxy.Port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilProxyServesAsync(client);
        var owner = await (await client.PostAsJsonAsync("/users", new { name = "Owner", email = "owner@example.com" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var cars = $"/users/{owner.GetProperty("data").GetProperty("id").GetInt32()}/cars";

        var killAt = TimeSpan.FromSeconds(3);
        var killing = Task.Run(async () =>
        {
            await Task.Delay(killAt);
            first.Crash();
        });
        var outcomes = await Load.RunAsync(16, TimeSpan.FromSeconds(10), (_, clock) =>
        {
            var marker = Guid.NewGuid().ToString("N");
            return Load.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, cars) { Content = JsonContent.Create(new { name = marker, model = "Pair", doors = 4 }) }, clock, marker);
        });
        await killing;

        var acknowledged = outcomes.Where(o => o.Ok).Select(o => o.Tag!).ToHashSet();
        var stored = (await cluster.ScalarAsync<string[]>(settings["FWK_DATABASE__NAME"], "select coalesce(array_agg(name), '{}') from cars")).ToList();
        var failed = outcomes.Where(o => !o.Ok).ToList();
        var lastFailure = failed.Count == 0 ? TimeSpan.Zero : failed.Max(f => f.At) - killAt;
        output.WriteLine($"two instances: {outcomes.Count} writes through haproxy, {acknowledged.Count} acknowledged, {failed.Count} failed "
            + $"(last {lastFailure.TotalMilliseconds:0} ms after the kill); {acknowledged.Count(a => !stored.Contains(a))} acknowledged missing, "
            + $"{stored.Count - stored.Distinct().Count()} written twice; instances that applied each bind's migrations (default, audit): {string.Join(", ", AppliedPerBind(first, second))}");

        Assert.All(acknowledged, marker => Assert.Contains(marker, stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal([1, 1], AppliedPerBind(first, second));
        Assert.DoesNotContain(outcomes, o => !o.Ok && o.At > killAt + TimeSpan.FromSeconds(2));
        Assert.True(outcomes.Count(o => o.Ok && o.At > killAt + TimeSpan.FromSeconds(2)) > 100, "The other instance served the rest.");
    }

    // Each instance logs the migrations it applied at startup, per bind. The binds migrate side by side, each under its own
    // lock, so one instance may apply the default bind's and the other the audit bind's: how many instances applied each.
    private static int[] AppliedPerBind(SampleServer first, SampleServer second) =>
        [.. new[] { "default", "audit" }.Select(bind => new[] { first, second }.Count(server =>
            server.Output.Contains($"Bind '{bind}': applied migration(s)", StringComparison.Ordinal)))];

    private static async Task WaitUntilProxyServesAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // haproxy is not listening yet
            }

            await Task.Delay(100);
        }

        Assert.Fail("haproxy did not serve within 10 s.");
    }
}
