using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Fwk.Db.Local;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Npgsql;
using Xunit.Abstractions;

namespace Fwk.Db.Tests.Engine;

/// <summary>
/// The server going away and coming back while the app serves: /health follows it, a restart during writes loses no
/// acknowledged write, and the app serves again soon after the server is back. These tests stop the shared cluster and
/// always start it again.
/// </summary>
[Collection("postgres")]
public sealed class AvailabilityTests(PostgresFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Health_WhenDatabaseAnswers_200_WhenDown_503Code1009()
    {
        var name = await fixture.CreateDatabaseAsync("health");
        await using var project = new DbTestProject(fixture, name).Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();

        var healthy = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/health"));
        Assert.Equal("healthy", healthy.GetProperty("checks").GetProperty("database").GetString());

        try
        {
            await fixture.Cluster.StopAsync();

            var down = await Envelope.AssertErrorAsync(await project.Client.GetAsync("/health"), HttpStatusCode.ServiceUnavailable, ErrorCodes.DatabaseUnavailable);
            Assert.Equal("unhealthy", down.GetProperty("data").GetProperty("checks").GetProperty("database").GetString());
            // A request that never touches the database does not need it.
            await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/ping"));
            // A write is retried (bounded: 5 retries, at most 2 s apart), then answered 503, never 200 or 500.
            var clock = Stopwatch.StartNew();
            await Envelope.AssertErrorAsync(await project.Client.PostAsync("/probes/lost", null), HttpStatusCode.ServiceUnavailable, ErrorCodes.DatabaseUnavailable);
            output.WriteLine($"A write with the server down was answered 503 after {clock.ElapsedMilliseconds} ms of retries.");
        }
        finally
        {
            await EnsureClusterRunningAsync();
        }

        await Wait.UntilAsync(
            async () => (await project.Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10),
            "/health to answer 200 again");
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from probes"));
    }

    [Fact]
    public async Task Restart_DuringWrites_LosesNoAcknowledgedWrite_AndServesWithin2Seconds()
    {
        var name = await fixture.CreateDatabaseAsync("restart");
        await using var project = new DbTestProject(fixture, name).Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();

        var acknowledged = new ConcurrentQueue<string>();
        var refused = new ConcurrentQueue<string>();
        var sentDuringOutage = 0;
        var outage = false;
        using var stop = new CancellationTokenSource();
        var total = Stopwatch.StartNew();

        // Four writers, bounded: at most 4 × 50 = 200 writes and 20 s.
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 50 && !stop.IsCancellationRequested && total.Elapsed < TimeSpan.FromSeconds(20); i++)
            {
                var marker = $"w{writer}-{i:00}";
                if (Volatile.Read(ref outage))
                {
                    Interlocked.Increment(ref sentDuringOutage);
                }

                try
                {
                    using var response = await project.Client.PostAsync($"/probes/{marker}", null);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Enqueue(marker);
                    }
                    else
                    {
                        refused.Enqueue($"{marker}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    refused.Enqueue($"{marker}: {exception.Message}");
                }

                await Task.Delay(20);
            }
        })).ToArray();
        var writing = Task.WhenAll(writers);

        TimeSpan? recovery = null;
        string? lastFailure = null;
        var outageTime = TimeSpan.Zero;
        int acknowledgedBeforeStop;
        try
        {
            await Wait.UntilAsync(() => Task.FromResult(acknowledged.Count >= 10), TimeSpan.FromSeconds(10), "the first writes");
            acknowledgedBeforeStop = acknowledged.Count;
            var down = Stopwatch.StartNew();
            Volatile.Write(ref outage, true);
            await fixture.Cluster.StopAsync();
            await Task.Delay(500); // writes keep arriving while the server is down
            await fixture.Cluster.StartAsync();
            Volatile.Write(ref outage, false);
            outageTime = down.Elapsed;

            // The server accepts connections again: how long until the app answers a new request that needs the database?
            var back = Stopwatch.StartNew();
            while (back.Elapsed < TimeSpan.FromSeconds(10))
            {
                using var response = await project.Client.GetAsync("/probes/count");
                if (response.IsSuccessStatusCode)
                {
                    recovery = back.Elapsed;
                    break;
                }

                lastFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                await Task.Delay(10);
            }

            var target = acknowledged.Count + 10;
            await Wait.UntilAsync(() => Task.FromResult(acknowledged.Count >= target || writing.IsCompleted), TimeSpan.FromSeconds(15), "writes after the restart");
        }
        finally
        {
            try
            {
                await EnsureClusterRunningAsync();
            }
            finally
            {
                await stop.CancelAsync();
                await writing.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }

        output.WriteLine($"Restart: server down for {outageTime.TotalMilliseconds:0} ms (stop, 500 ms, start), {sentDuringOutage} writes sent meanwhile; "
            + $"{acknowledged.Count} writes acknowledged ({acknowledgedBeforeStop} before the stop), {refused.Count} refused; "
            + $"serving again {recovery?.TotalMilliseconds:0} ms after the server was back (last failure before: {lastFailure ?? "none"}).");
        foreach (var line in refused)
        {
            output.WriteLine("refused " + line);
        }

        var stored = (await project.ScalarAsync<string[]?>("select array_agg(marker) from probes") ?? []).ToHashSet(StringComparer.Ordinal);
        Assert.All(acknowledged, marker => Assert.Contains(marker, stored));
        Assert.True(sentDuringOutage > 0, "No write was sent while the server was down.");
        Assert.True(recovery is not null, "The app did not serve again within 10 s of the server being back.");
        Assert.True(recovery < TimeSpan.FromSeconds(2), $"The app served again only {recovery.Value.TotalMilliseconds:0} ms after the server was back.");
        // Refused writes are answered as unavailable (after retries), never as a server error.
        Assert.All(refused, line => Assert.Contains(": 503 ", line, StringComparison.Ordinal));
    }

    private async Task EnsureClusterRunningAsync()
    {
        if ((await fixture.Cluster.StatusAsync()).State != LocalPostgresState.Running)
        {
            await fixture.Cluster.StartAsync();
        }

        // Pooled connections of the test's own helpers died with the old server.
        NpgsqlConnection.ClearAllPools();
    }
}
