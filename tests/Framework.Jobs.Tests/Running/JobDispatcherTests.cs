using Fwk.Jobs.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Shop;

namespace Fwk.Jobs.Tests.Running;

/// <summary>The workers of running instances: woken by NOTIFY or polling, rescue by heartbeat, shutdown, recurring slots.</summary>
public sealed class JobDispatcherTests(FwkTestDatabase database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FwkTestDatabase>
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task Workers_RunWhatAnotherInstanceEnqueued_WokenByNotifyOrPolling(string notify)
    {
        await using var web = await Shops.StartAsync(database, ("jobs", "notify", notify));
        await using var worker = await Shops.InstanceOfAsync(web, database, ("jobs", "notify", notify));

        await web.Client.PostAsync("/pings/hello", null);

        await Shops.EventuallyAsync(() => Task.FromResult(worker.Seen().Runs.Contains("ping:hello:1")), "the worker instance ran the ping");
        await Shops.EventuallyAsync(async () => (await web.JobsAsync()).Single().State == JobStates.Completed, "the ping is completed");
        Assert.Empty(web.Seen().Runs);
    }

    [Fact]
    public async Task Workers_WhenTheyStart_WarmUpTheJobPathAndLeaveNoRowBehind()
    {
        await using var worker = await Shops.StartAsync(database, ("jobs", "enabled", "true"));

        // Fwk's no-op job ran through the executor before the first claim; its enqueue was rolled back.
        await worker.Hooks.WaitForAsync("job:Fwk.Jobs.WarmUpJob", timeout: TimeSpan.FromSeconds(15));
        await worker.Client.PostAsync("/pings/after-warm-up", null);
        await Shops.EventuallyAsync(() => Task.FromResult(worker.Seen().Runs.Contains("ping:after-warm-up:1")), "the ping ran");

        Assert.Equal([typeof(Ping).FullName], (await worker.JobsAsync()).Select(job => job.Kind));
    }

    [Fact]
    public async Task Heartbeat_WhenAWorkerStoppedWhileRunningAJob_GivesTheJobBackAndItRuns()
    {
        await using var web = await Shops.StartAsync(database);
        await web.Client.PostAsync("/pings/orphan", null);
        var dead = Guid.NewGuid();
        await web.WithSessionAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO fwk_job_workers (id, host, process_id, started_at, heartbeat_at) VALUES ({dead}, 'gone', 1, now() - interval '1 hour', now() - interval '1 hour');
            UPDATE fwk_jobs SET state = 'running', attempt = 1, locked_by = {dead}, attempted_at = now() - interval '1 hour';
            """));

        await using var worker = await Shops.InstanceOfAsync(web, database);

        await Shops.EventuallyAsync(() => Task.FromResult(worker.Seen().Runs.Contains("ping:orphan:2")), "the rescued ping ran as attempt 2");
        Assert.Equal(0, await web.WithSessionAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM fwk_job_workers WHERE id = {dead}").SingleAsync()));
    }

    [Fact]
    public async Task Heartbeat_WhenJobsFinishedLongerAgoThanRetention_DeletesOnlyThose()
    {
        await using var web = await Shops.StartAsync(database);
        await web.WithSessionAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO fwk_jobs (kind, queue, priority, args, state, attempt, max_attempts, run_at, created_at, finished_at) VALUES
                ('old_completed', 'default', 0, 'null', 'completed', 1, 3, now() - interval '3 days', now() - interval '3 days', now() - interval '2 days'),
                ('old_discarded', 'default', 0, 'null', 'discarded', 3, 3, now() - interval '3 days', now() - interval '3 days', now() - interval '2 days'),
                ('old_cancelled', 'default', 0, 'null', 'cancelled', 0, 3, now() - interval '3 days', now() - interval '3 days', now() - interval '2 days'),
                ('new_completed', 'default', 0, 'null', 'completed', 1, 3, now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour'),
                ('old_scheduled', 'default', 0, 'null', 'available', 0, 3, now() + interval '1 day', now() - interval '3 days', NULL)
            """));

        await using var worker = await Shops.InstanceOfAsync(web, database, ("jobs", "retention", "1d"), ("jobs", "heartbeat", "0.2"));

        await Shops.EventuallyAsync(async () => (await web.JobsAsync()).Count == 2, "the jobs finished two days ago are deleted");
        Assert.Equal(["new_completed", "old_scheduled"], (await web.JobsAsync()).Select(j => j.Kind));
    }

    [Fact]
    public async Task Complete_WhenTheJobWasTakenFromTheWorker_RollsBackWhatTheHandlerWrote()
    {
        await using var app = await Shops.StartAsync(database);
        await app.Client.PostAsync("/orders", System.Net.Http.Json.JsonContent.Create(new { item = "lamp" }));
        var store = app.Services.GetRequiredService<JobStore>();
        var worker = Guid.NewGuid();
        await store.HeartbeatAsync(worker, default);
        var receipt = (await store.ClaimAsync(["default"], 10, worker, null, default)).Single(j => j.Kind == typeof(SendReceipt).FullName);

        // Rescued meanwhile (this worker looked dead to another): the job is no longer this worker's.
        await app.WithSessionAsync(db => db.Database.ExecuteSqlAsync($"UPDATE fwk_jobs SET state = 'available', locked_by = NULL WHERE id = {receipt.Id}"));
        var run = await app.Services.GetRequiredService<JobExecutor>().RunAsync(receipt, worker, completer: null, default);

        Assert.Equal(JobStates.Available, run.State);
        Assert.DoesNotContain(await app.WithSessionAsync(db => db.Set<Receipt>().Select(r => r.OrderId).ToListAsync()), id => id > 0);
        Assert.Equal(JobStates.Available, (await app.JobsAsync()).Single(j => j.Id == receipt.Id).State);
    }

    [Fact]
    public async Task Stop_WhenAJobOutlivesTheShutdownTimeout_CancelsItAndGivesItBackAtOnce()
    {
        await using var web = await Shops.StartAsync(database);
        var worker = await Shops.InstanceOfAsync(web, database, ("jobs", "shutdown_timeout", "0.3"));
        await web.Client.PostAsync("/sleeps/60000", null);
        var seen = worker.Seen();
        await Shops.EventuallyAsync(() => Task.FromResult(seen.Runs.Contains("sleep:start")), "the sleep started");

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await worker.DisposeAsync();
        stopping.Stop();

        var job = Assert.Single(await web.JobsAsync());
        Assert.Equal((JobStates.Available, 0), (job.State, job.Attempt));
        Assert.DoesNotContain("sleep:end", seen.Runs);
        Assert.Equal(0, await web.WithSessionAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM fwk_job_workers").SingleAsync()));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(20), $"stopping took {stopping.Elapsed}");
    }

    [Fact]
    public async Task Every_OnTwoInstances_RunsEachOfAThousandSlotsOnce()
    {
        const int tasks = 50;
        var window = TimeSpan.FromSeconds(20);
        await using var owner = await Shops.StartAsync(database, ("shop", "recurring", "0"));
        var instances = await Task.WhenAll(
            Shops.InstanceOfAsync(owner, database, ("shop", "recurring", $"{tasks}")),
            Shops.InstanceOfAsync(owner, database, ("shop", "recurring", $"{tasks}")));
        var seen = instances.Select(i => i.Seen()).ToList();
        await Task.Delay(window);
        await Task.WhenAll(instances.Select(i => i.DisposeAsync().AsTask()));

        var slots = (await owner.JobsAsync()).Where(j => j.Kind.StartsWith("every:tick", StringComparison.Ordinal) && j.State == JobStates.Completed).ToList();
        var ran = seen.Sum(s => s.Count("tick:"));

        output.WriteLine($"recurring: {tasks} jobs every second on two instances for {window.TotalSeconds:0} s: {slots.Count} slots completed, {ran} runs, "
            + $"{slots.Count(j => j.Attempt > 1)} slots retried");
        Assert.True(slots.Count >= tasks * (window.TotalSeconds - 2), $"only {slots.Count} slots completed");
        Assert.Equal(slots.Count, ran);
        foreach (var task in slots.GroupBy(j => j.Kind))
        {
            var times = task.Select(j => j.RunAt).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
        }
    }
}
