using Fwk.Jobs.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Jobs.Tests.Verbs;

/// <summary>fwk jobs list|stats|retry|discard|run-once on a project's queue.</summary>
public sealed class JobVerbsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Verbs_ListRunRetryAndDiscard_TheProjectsJobs()
    {
        await using var app = await Shops.StartAsync(database);
        await app.Client.PostAsync("/pings/one", null);
        await app.Client.PostAsync("/fails", null);
        await app.Client.PostAsync("/sleeps/1", null);
        var sleep = (await app.JobsAsync()).Single(j => j.Kind.EndsWith("Sleep", StringComparison.Ordinal));

        var discard = await app.RunVerbAsync("jobs", "discard", $"{sleep.Id}");
        var runOnce = await app.RunVerbAsync("jobs", "run-once");
        var failed = (await app.JobsAsync()).Single(j => j.Kind.EndsWith("Fail", StringComparison.Ordinal));
        var list = await app.RunVerbAsync("jobs", "list", "--state", "available");
        var retry = await app.RunVerbAsync("jobs", "retry", $"{failed.Id}");
        var retryRunning = await app.RunVerbAsync("jobs", "retry", "999999");
        var stats = await app.RunVerbAsync("jobs", "stats");

        Assert.Equal((0, $"Job {sleep.Id}: cancelled."), (discard.ExitCode, discard.Output.Trim()));
        Assert.Equal(1, runOnce.ExitCode);
        // The ping and the failing job, and Fwk's idempotency purge too when the last minute held one of its slots.
        Assert.Matches(@"(?m)^\d+\s+Shop\.Shop\.Ping\s+1\s+completed\s", runOnce.Output);
        Assert.Matches(@"(?m)^\d+\s+Shop\.Shop\.Fail\s+1\s+available\s+InvalidOperationException: always", runOnce.Output);
        Assert.Matches(@"(?m)^[23] job\(s\) ran, 1 failed\.$", runOnce.Output);
        Assert.Matches($@"(?m)^{failed.Id}\s+Shop\.Shop\.Fail\s+default\s+available\s+1/3\s+\S+ \S+\s+InvalidOperationException: always$", list.Output);
        Assert.Equal(0, retry.ExitCode);
        Assert.Equal(1, retryRunning.ExitCode);
        Assert.Matches(@"(?m)^default\s+cancelled\s+1\s", stats.Output);
        Assert.Matches(@"(?m)^default\s+completed\s+[12]\s", stats.Output); // the ping, and the purge's slot if run-once ran one
        Assert.Matches(@"(?m)^default\s+available\s+1\s", stats.Output);
    }
}
