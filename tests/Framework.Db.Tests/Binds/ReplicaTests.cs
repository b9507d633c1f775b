using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Xunit.Abstractions;

namespace Fwk.Db.Tests.Binds;

/// <summary>Read sessions on a real streaming standby (<c>[database] replicas</c>), writes on the primary, and the standby going away under load.</summary>
[Collection("postgres")]
public sealed class ReplicaTests(PostgresFixture fixture, ReplicationFixture replication, ITestOutputHelper output) : IClassFixture<ReplicationFixture>
{
    [Fact]
    public async Task ReadSession_WithAStandby_ReadsFromTheStandby_WhileSessionWritesToThePrimary()
    {
        await using var project = await StartAsync("where");

        var where = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/replica/where"));

        Assert.True(where.GetProperty("read").GetBoolean(), "The read session runs on a server in recovery (the standby).");
        Assert.False(where.GetProperty("write").GetBoolean(), "The write session runs on the primary.");
        Assert.Contains(project.Logs.Lines, line => line.Contains("Bind 'default': 1 of 1 standby server(s) answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_GoesToThePrimary_AndIsReadOnTheStandbyOnceReplicationCatchesUp()
    {
        await using var project = await StartAsync("caught_up");

        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/probes/written", null));

        Assert.Equal(1L, await replication.Primary.ScalarAsync<long>(project.Database, "select count(*) from probes where marker = 'written'"));
        await Wait.UntilAsync(
            async () => await replication.Standby.ScalarAsync<long>(project.Database, "select count(*) from probes where marker = 'written'") == 1,
            TimeSpan.FromSeconds(10),
            "the standby to replay the write");
        var count = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/replica/count"));
        Assert.Equal(1, count.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task StandbyStopped_DuringAReadLoad_ReadsMoveToThePrimary_NoFailureAfterTheRetryWindow()
    {
        var retryWindow = TimeSpan.FromSeconds(2);
        await using var project = await StartAsync("failover");
        var results = new ConcurrentQueue<(TimeSpan At, bool Ok, TimeSpan Took)>();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(7);
        try
        {
            // Half the readers read through EF Core, half through the read session's fast path: both retry the same way.
            var readers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            {
                var path = i % 2 == 0 ? "/replica/count" : "/replica/page";
                while (clock.Elapsed < end)
                {
                    var sent = clock.Elapsed;
                    try
                    {
                        using var response = await project.Client.GetAsync(path);
                        results.Enqueue((clock.Elapsed, response.StatusCode == HttpStatusCode.OK, clock.Elapsed - sent));
                    }
                    catch (HttpRequestException)
                    {
                        results.Enqueue((clock.Elapsed, false, clock.Elapsed - sent));
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(2));
            var stoppedAt = clock.Elapsed;
            await replication.Standby.Cluster.StopAsync();
            await Task.WhenAll(readers);

            var failed = results.Where(r => !r.Ok).ToList();
            var lastFailure = failed.Count == 0 ? TimeSpan.Zero : failed.Max(r => r.At) - stoppedAt;
            var slowest = results.Where(r => r.At > stoppedAt).Max(r => r.Took);
            output.WriteLine(
                $"{results.Count} reads, {results.Count(r => r.At > stoppedAt)} after the standby stopped; {failed.Count} failed; "
                + $"last failure {lastFailure.TotalMilliseconds:0} ms after the stop; slowest read after it {slowest.TotalMilliseconds:0} ms");
            Assert.True(results.Count(r => r.At > stoppedAt + retryWindow) > 100, "Reads went on after the stop.");
            Assert.DoesNotContain(results, r => !r.Ok && r.At > stoppedAt + retryWindow);
            var where = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/replica/where"));
            Assert.False(where.GetProperty("read").GetBoolean(), "With the standby gone, reads run on the primary.");
        }
        finally
        {
            await replication.Standby.Cluster.StartAsync();
        }
    }

    private async Task<DbTestProject> StartAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        var project = new DbTestProject(
            fixture,
            name,
            databaseLines: $"replicas = {replication.StandbyEntry}",
            host: replication.Primary.Cluster.SocketDirectory,
            port: replication.Primary.Cluster.Port).Add<ReplicasApp>();
        Assert.True(await project.RunAsync("create_db") == 0, project.Everything);
        await Wait.UntilAsync(() => StandbyHasProbesTableAsync(name), TimeSpan.FromSeconds(10), "the standby to replay create_db");
        return await project.StartAsync();
    }

    private async Task<bool> StandbyHasProbesTableAsync(string database)
    {
        try
        {
            return await replication.Standby.ScalarAsync<long>(database, "select count(*) from information_schema.tables where table_name = 'probes'") == 1;
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            return false; // the database itself is not replayed yet
        }
    }
}
