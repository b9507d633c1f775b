using System.Diagnostics;
using System.Net.Http.Json;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>
/// Background jobs on real sample processes: the welcome mail of every user created under load is sent, and recorded in
/// sent_mails exactly once (the row commits with the job's completion), when a worker instance is killed mid-job or
/// PostgreSQL is killed under enqueue and work.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class JobsTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan FaultAt = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WorkerInstanceKilledMidJob_UnderLoad_EveryMailIsRecordedOnce()
    {
        var settings = await DatabaseAsync("jobkill");
        using var web = SampleServer.Start(SampleServer.FreePort(), With(settings, ("FWK_JOBS__ENABLED", "false")));
        using var doomed = SampleServer.Start(SampleServer.FreePort(), settings);
        using var survivor = SampleServer.Start(SampleServer.FreePort(), settings);
        await Task.WhenAll(web.WaitUntilServingAsync(), doomed.WaitUntilServingAsync(), survivor.WaitUntilServingAsync());

        var killing = Task.Run(async () =>
        {
            await Task.Delay(FaultAt);
            await HoldsAJobAsync(settings, doomed);
            doomed.Crash();
        });
        var outcomes = await CreateUsersAsync(web);
        await killing;
        var drained = await DrainedAsync(settings);

        var (users, unrecorded, twice, jobs, rerun) = await TallyAsync(settings, outcomes);
        var mails = Mails(doomed) + Mails(survivor);
        output.WriteLine($"worker killed mid-job: {users} users acknowledged, {jobs} welcome jobs, all completed {drained.TotalSeconds:0.0} s after the load; "
            + $"{unrecorded} users without a sent_mails row, {twice} with two; {rerun} jobs ran again after the kill, {mails - users} mails sent twice (at least once)");

        Assert.True(users > 10, $"only {users} users were created");
        Assert.Equal((0, 0, users), (unrecorded, twice, jobs));
        Assert.True(rerun > 0, "the killed worker held no job: the test did not kill it mid-job");
    }

    [Fact]
    public async Task PostgresKilled_UnderEnqueueAndWork_LosesNoAcknowledgedJob()
    {
        var settings = await DatabaseAsync("jobpg");
        using var server = SampleServer.Start(SampleServer.FreePort(), settings);
        await server.WaitUntilServingAsync();

        var faulting = Task.Run(async () =>
        {
            await Task.Delay(FaultAt);
            await cluster.CrashAsync();
            await cluster.StartAsync();
        });
        var outcomes = await CreateUsersAsync(server);
        await faulting;
        var drained = await DrainedAsync(settings);

        var (users, unrecorded, twice, jobs, rerun) = await TallyAsync(settings, outcomes);
        output.WriteLine($"PostgreSQL killed under enqueue and work: {users} users acknowledged, {outcomes.Count(o => !o.Ok)} requests failed ({string.Join(", ", outcomes.Where(o => !o.Ok).GroupBy(o => (o.Status, o.Code)).Select(g => $"{g.Count()}× {g.Key.Status}/{g.Key.Code} from {g.Min(o => o.At).TotalSeconds:0.0} s to {g.Max(o => o.At).TotalSeconds:0.0} s"))}), {jobs} welcome jobs, "
            + $"all completed {drained.TotalSeconds:0.0} s after the load; {unrecorded} acknowledged users without a sent_mails row, {twice} with two; {rerun} jobs ran again");

        Assert.True(users > 10, $"only {users} users were created");
        Assert.Equal((0, 0), (unrecorded, twice));
        Assert.True(jobs >= users, $"{jobs} jobs for {users} acknowledged users");
    }

    private static Dictionary<string, string> With(Dictionary<string, string> settings, params (string Key, string Value)[] more)
    {
        var copy = new Dictionary<string, string>(settings);
        foreach (var (key, value) in more)
        {
            copy[key] = value;
        }

        return copy;
    }

    private async Task<Dictionary<string, string>> DatabaseAsync(string name)
    {
        var settings = With(
            cluster.SampleSettings(name),
            ("FWK_JOBS__HEARTBEAT", "1"),
            ("FWK_JOBS__POLL_INTERVAL", "0.2"),
            ("FWK_MAIL__DELAY_MS", "100"));
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "create_db")).ExitCode);
        return settings;
    }

    // Paced (at most 80 users/s) so the workers (8 × 10 mails/s, a mail takes 100 ms) are busy when the fault comes, and the
    // queue drains in seconds on any machine.
    private static Task<IReadOnlyList<Outcome>> CreateUsersAsync(SampleServer server) =>
        Load.RunAsync(4, LoadTime, async (_, clock) =>
        {
            var email = $"load-{Guid.NewGuid():N}@example.com";
            var outcome = await Load.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Post, "/users") { Content = JsonContent.Create(new { name = "Load", email }) }, clock, email);
            await Task.Delay(50);
            return outcome;
        });

    // Kill mid-job: wait (bounded) until the instance's worker holds a running job.
    private async Task HoldsAJobAsync(Dictionary<string, string> settings, SampleServer instance)
    {
        var sql = $"select count(*) from fwk_jobs j join fwk_job_workers w on w.id = j.locked_by where j.state = 'running' and w.process_id = {instance.Id}";
        var clock = Stopwatch.StartNew();
        while (await cluster.ScalarAsync<long>(settings["FWK_DATABASE__NAME"], sql) == 0 && clock.Elapsed < LoadTime)
        {
            await Task.Delay(10);
        }
    }

    // Bounded: every welcome job completed, or the test fails saying how many are left.
    private async Task<TimeSpan> DrainedAsync(Dictionary<string, string> settings)
    {
        var clock = Stopwatch.StartNew();
        long left;
        while ((left = await cluster.ScalarAsync<long>(settings["FWK_DATABASE__NAME"], "select count(*) from fwk_jobs where kind = 'Sample.Users.WelcomeMail' and state <> 'completed'")) > 0)
        {
            Assert.True(clock.Elapsed < DrainLimit, $"{left} welcome jobs not completed {DrainLimit.TotalSeconds} s after the load");
            await Task.Delay(200);
        }

        return clock.Elapsed;
    }

    private async Task<(int Users, long Unrecorded, long Twice, long Jobs, long Rerun)> TallyAsync(Dictionary<string, string> settings, IReadOnlyList<Outcome> outcomes)
    {
        var database = settings["FWK_DATABASE__NAME"];
        var acknowledged = outcomes.Where(o => o.Ok).Select(o => o.Tag!).ToArray();
        var list = string.Join(",", acknowledged.Select(email => $"'{email}'"));
        var perUser = $"select count(*) from users u where u.email in ({list}) and (select count(*) from sent_mails m where m.user_id = u.id)";
        var missing = acknowledged.Length - await cluster.ScalarAsync<long>(database, $"select count(*) from users where email in ({list})");
        return (
            acknowledged.Length,
            missing + await cluster.ScalarAsync<long>(database, perUser + " = 0"),
            await cluster.ScalarAsync<long>(database, perUser + " > 1"),
            await cluster.ScalarAsync<long>(database, "select count(*) from fwk_jobs where kind = 'Sample.Users.WelcomeMail'"),
            await cluster.ScalarAsync<long>(database, "select count(*) from fwk_jobs where kind = 'Sample.Users.WelcomeMail' and attempt > 1"));
    }

    private static int Mails(SampleServer server) =>
        server.Output.Split('\n').Count(line => line.Contains("Mail to load-", StringComparison.Ordinal));
}
