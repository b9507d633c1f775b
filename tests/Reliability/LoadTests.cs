using System.Net.Http.Json;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>The sample under a steady load on 127.0.0.1: every request answered 2xx, no socket error.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class LoadTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Load_64ConnectionsFor15Seconds_ByIdAndPost_AnswerOnly2xx()
    {
        var settings = cluster.SampleSettings("load");
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "create_db")).ExitCode);
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "init_project")).ExitCode);
        using var server = SampleServer.Start(SampleServer.FreePort(), settings);
        await server.WaitUntilServingAsync();

        var outcomes = await Load.RunAsync(64, TimeSpan.FromSeconds(15), (worker, clock) => worker % 2 == 0
            ? Load.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Get, $"/users/{1 + (worker % 4 / 2)}"), clock)
            : Load.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Post, "/users") { Content = JsonContent.Create(new { name = "Load", email = $"{Guid.NewGuid():N}@example.com" }) }, clock));

        var failed = outcomes.Count(o => !o.Ok && !o.SocketError);
        var socketErrors = outcomes.Count(o => o.SocketError);
        output.WriteLine(
            $"load: {outcomes.Count} requests in 15 s ({outcomes.Count / 15.0:0} req/s) over 64 connections, by id and POST; "
            + $"p50 {Load.Percentile(outcomes, 50):0.0} ms, p99 {Load.Percentile(outcomes, 99):0.0} ms; {failed} non-2xx, {socketErrors} socket errors");
        Assert.Equal(0, failed);
        Assert.Equal(0, socketErrors);
        Assert.True(outcomes.Count > 1000, $"Only {outcomes.Count} requests were answered.");
    }
}
