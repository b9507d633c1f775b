using System.Net;
using System.Net.Http.Json;
using Fwk.Jobs.Tests.Infrastructure;
using Fwk.Testing;
using Shop.Shop;

namespace Fwk.Jobs.Tests;

/// <summary>Enqueueing from requests: in the request's transaction, payloads made after the rows they name are saved.</summary>
public sealed class JobQueueTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Enqueue_WhenTheRequestSucceeds_StoresItsJobsAndDrainRunsThem()
    {
        await using var app = await Shops.StartAsync(database);

        var order = await (await app.Client.PostAsJsonAsync("/orders", new { item = "book" })).ReadSuccessAsync<Order>();
        var runs = await app.Jobs.DrainAsync();
        var receipts = await (await app.Client.GetAsync("/receipts")).ReadSuccessAsync<List<int>>();

        Assert.Equal([typeof(SendReceipt).FullName, "durable:order_placed:ShopApp", "durable:order_placed:ShopApp#2"], runs.Select(r => r.Kind).Order(StringComparer.Ordinal));
        Assert.All(runs, run => Assert.Equal(JobStates.Completed, run.State));
        Assert.Equal([-order.Id, order.Id], receipts.Order());
        Assert.Contains($"placed:{order.Id}:book", app.Seen().Runs);
        Assert.All(await app.JobsAsync(), job => Assert.Equal((JobStates.Completed, 1), (job.State, job.Attempt)));
    }

    [Fact]
    public async Task Enqueue_FromAJobThatWritesNothingElse_StoresTheJobWithTheCompletion()
    {
        await using var app = await Shops.StartAsync(database);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync("/relays/onward", null)).StatusCode);
        var runs = await app.Jobs.DrainAsync();

        Assert.Equal([typeof(Relay).FullName, typeof(Ping).FullName], runs.Select(r => r.Kind));
        Assert.Contains("ping:onward:1", app.Seen().Runs);
        Assert.All(await app.JobsAsync(), job => Assert.Equal(JobStates.Completed, job.State));
    }

    [Theory]
    [InlineData("explode", HttpStatusCode.InternalServerError)]
    [InlineData("refuse", HttpStatusCode.Conflict)]
    public async Task Enqueue_WhenTheRequestFailsOrAnswersAnError_StoresNothing(string item, HttpStatusCode status)
    {
        await using var app = await Shops.StartAsync(database);

        var response = await app.Client.PostAsJsonAsync("/orders", new { item });

        Assert.Equal(status, response.StatusCode);
        Assert.Empty(await app.JobsAsync());
        Assert.Empty(await app.Jobs.DrainAsync());
    }

    [Fact]
    public async Task EnqueueAsync_WithAUniqueKeyTwice_StoresOneJob()
    {
        await using var app = await Shops.StartAsync(database);

        var first = await (await app.Client.PostAsync("/pings/unique/k1", null)).ReadSuccessAsync<EnqueueAnswer>();
        var second = await (await app.Client.PostAsync("/pings/unique/k1", null)).ReadSuccessAsync<EnqueueAnswer>();
        var runs = await app.Jobs.DrainAsync();

        Assert.Equal((true, false), (first.Enqueued, second.Enqueued));
        Assert.Equal("k1", Assert.Single(await app.JobsAsync()).UniqueKey);
        Assert.Single(runs);
    }

    [Fact]
    public async Task Drain_WhenAJobAlwaysFails_RetriesItThenDiscardsIt()
    {
        await using var app = await Shops.StartAsync(database);
        await app.Client.PostAsync("/fails", null);

        var beforeRetry = await app.Jobs.DrainAsync();
        var waiting = Assert.Single(await app.JobsAsync());
        var runs = await app.Jobs.DrainAsync(includeScheduled: true);
        var discarded = Assert.Single(await app.JobsAsync());

        Assert.Equal((JobStates.Available, 1), (Assert.Single(beforeRetry).State, waiting.Attempt));
        Assert.True(waiting.RunAt > DateTime.UtcNow, "a failed attempt waits for its backoff");
        Assert.Equal([2, 3], runs.Select(r => r.Attempt));
        Assert.Equal([JobStates.Available, JobStates.Discarded], runs.Select(r => r.State));
        Assert.Equal((JobStates.Discarded, 3, "InvalidOperationException: always"), (discarded.State, discarded.Attempt, discarded.LastError));
    }

    private sealed record EnqueueAnswer(bool Enqueued);
}
