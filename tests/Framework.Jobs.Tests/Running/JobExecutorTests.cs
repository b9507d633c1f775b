using Fwk.Jobs.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Jobs.Tests.Running;

/// <summary>What a job's handler writes is saved: the default bind's with the job's completion, other binds' before it.</summary>
public sealed class JobExecutorTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Run_WhenTheHandlerWritesTwoBinds_SavesBothAndCompletes()
    {
        await using var app = await Shops.StartAsync(database);
        await app.Client.PostAsync("/books/7/both", null);

        var run = Assert.Single(await app.Jobs.DrainAsync());

        Assert.Equal(JobStates.Completed, run.State);
        Assert.Equal([7], await (await app.Client.GetAsync("/receipts")).ReadSuccessAsync<List<int>>());
        Assert.Equal(["both"], await (await app.Client.GetAsync("/ledger")).ReadSuccessAsync<List<string>>());
        Assert.Equal(JobStates.Completed, Assert.Single(await app.JobsAsync()).State);
    }

    [Fact]
    public async Task Run_WhenTheHandlerWritesOnlyAnotherBind_SavesItAndCompletes()
    {
        await using var app = await Shops.StartAsync(database);
        await app.Client.PostAsync("/books/0/ledger-only", null);

        var run = Assert.Single(await app.Jobs.DrainAsync());

        Assert.Equal(JobStates.Completed, run.State);
        Assert.Empty(await (await app.Client.GetAsync("/receipts")).ReadSuccessAsync<List<int>>());
        Assert.Equal(["ledger-only"], await (await app.Client.GetAsync("/ledger")).ReadSuccessAsync<List<string>>());
        Assert.Equal(JobStates.Completed, Assert.Single(await app.JobsAsync()).State);
    }
}
