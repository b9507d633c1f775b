using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Fwk.Tests.Hosting;

public sealed class StartupShutdownTests
{
    [Fact]
    public async Task Start_WhenAStartupHookThrows_ThrowsNamingTheAppAndListensNowhere()
    {
        await using var project = new TestProject().Add<HealthyStartApp>().Add<BrokenStartApp>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("'BrokenStartApp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the mail server", error.Message, StringComparison.Ordinal);
        Assert.Empty(project.App.Urls);
        Assert.Equal(["HealthyStartApp"], project.Recorder.Of(Events.Startup));
    }

    [Fact]
    public async Task Run_WhenAStartupHookThrows_Returns1WithTheReason()
    {
        await using var project = new TestProject().Add<BrokenStartApp>();

        var exitCode = await project.RunAsync();

        Assert.Equal(1, exitCode);
        var error = project.Error.ToString();
        Assert.Contains("Startup failed", error, StringComparison.Ordinal);
        Assert.Contains("'BrokenStartApp'", error, StringComparison.Ordinal);
        Assert.Empty(project.App.Urls);
    }

    [Fact]
    public async Task Start_WhenStartupHooksRun_ServerHasNotStartedYet()
    {
        await using var project = await new TestProject().Add<HealthyStartApp>().StartAsync();

        Assert.Equal(["HealthyStartApp:startup", "HealthyStartApp:server not started"], project.Recorder.Events);
        Assert.Single(project.App.Urls);
        await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/healthy"));
    }

    [Fact]
    public async Task Start_WhenTwoAppsMapTheSameRoute_ThrowsNamingBothBeforeAnyHookRuns()
    {
        await using var project = new TestProject().Add<HealthyStartApp>().Add<ShadowingApp>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("GET /healthy is mapped twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("'HealthyStartApp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ShadowingApp'", error.Message, StringComparison.Ordinal);
        Assert.Empty(project.Recorder.Events);
        Assert.Empty(project.App.Urls);
    }

    [Fact]
    public async Task Stop_WhenARequestIsInFlight_RunsShutdownAfterItCompletes()
    {
        await using var project = await new TestProject().Add<DrainApp>().StartAsync();
        var request = project.Client.GetAsync("/until-stopping");
        await project.Recorder.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await project.App.StopAsync();

        await Envelope.AssertSuccessAsync(await request);
        Assert.Equal(["DrainApp:handler done", "DrainApp:shutdown"], project.Recorder.Events);
    }
}

internal sealed class HealthyStartApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Hooks.On(Events.Startup, (Recorder recorder, IHostApplicationLifetime lifetime) =>
        {
            recorder.Add("HealthyStartApp:startup");
            if (!lifetime.ApplicationStarted.IsCancellationRequested)
            {
                recorder.Add("HealthyStartApp:server not started");
            }
        });
        app.Routes.MapGet("/healthy", () => "ok");
    }
}

internal sealed class ShadowingApp : IApp
{
    public void Configure(AppBuilder app) => app.Routes.MapGet("/Healthy/", () => "shadow");
}

internal sealed class BrokenStartApp : IApp
{
    public void Configure(AppBuilder app) =>
        app.Hooks.On(Events.Startup, Task () => throw new TimeoutException("cannot reach the mail server"));
}

/// <summary>A handler that finishes only once the server is stopping, after a short pause.</summary>
internal sealed class DrainApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Hooks.On(Events.Shutdown, (Recorder recorder) => recorder.Add("DrainApp:shutdown"));
        app.Routes.MapGet("/until-stopping", async (Recorder recorder, IHostApplicationLifetime lifetime) =>
        {
            recorder.Reached.SetResult();
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.Delay(100);
            recorder.Add("DrainApp:handler done");
            return "drained";
        });
    }
}
