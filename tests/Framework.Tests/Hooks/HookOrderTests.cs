using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Hooks;

public sealed class HookOrderTests
{
    [Fact]
    public async Task Events_WhenTwoAppsAndFrameworkListen_RunFrameworkFirstInAndLastOut()
    {
        await using var project = new TestProject();
        HookRecording.RecordAll(project.App.FrameworkHooks, "Fwk");
        await project.Add<LifecycleApp>().Add<SecondLifecycleApp>().StartAsync();
        var recorder = project.Recorder;

        await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/ok"));
        await Recorder.WaitUntilAsync(() => recorder.Of(Events.RequestEnd).Count == 3, "request_end");
        await project.App.StopAsync();

        string[] inward = ["Fwk", "LifecycleApp", "SecondLifecycleApp"];
        Assert.Equal(inward, recorder.Of(Events.Startup));
        Assert.Equal(inward, recorder.Of(Events.RequestStart));
        Assert.Equal(inward, recorder.Of(Events.SuccessResponse));
        Assert.Equal(["LifecycleApp", "SecondLifecycleApp", "Fwk"], recorder.Of(Events.RequestEnd));
        Assert.Equal(["SecondLifecycleApp", "LifecycleApp", "Fwk"], recorder.Of(Events.Shutdown));
        Assert.Empty(recorder.Of(Events.ExceptionResponse));
    }

    [Fact]
    public async Task Request_WhenHandled_RunsStartHandlerSuccessThenEnd()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().StartAsync();
        var recorder = project.Recorder;

        await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/ok"));
        await Recorder.WaitUntilAsync(() => recorder.Count("LifecycleApp:request_end") == 1, "request_end");

        Assert.Equal(
            ["LifecycleApp:startup", "LifecycleApp:request_start", "handler", "LifecycleApp:success_response", "LifecycleApp:request_end"],
            recorder.Events);
    }

    [Fact]
    public async Task Stop_WhenCalledTwice_RunsShutdownOnce()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().StartAsync();

        await project.App.StopAsync();
        await project.App.StopAsync();

        Assert.Equal(["LifecycleApp"], project.Recorder.Of(Events.Shutdown));
    }

    [Fact]
    public async Task Shutdown_WhenAHookThrows_StillRunsTheOthers()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.Shutdown, void () => throw new InvalidOperationException("shutdown failed"));
        await project.Add<LifecycleApp>().StartAsync();

        await project.App.StopAsync();

        Assert.Equal(["LifecycleApp"], project.Recorder.Of(Events.Shutdown));
        Assert.Contains(project.Recorder.Logs, log => log.Contains("shutdown failed", StringComparison.Ordinal));
    }

    [Fact]
    public void On_WhenHandlerReturnsAValue_ThrowsAtRegistration()
    {
        var hooks = new Fwk.Hooks(new HookStore(), "Test", isFramework: false);

        var error = Assert.Throws<InvalidOperationException>(() => hooks.On("custom", () => 42));

        Assert.Contains("must return void, Task or ValueTask", error.Message, StringComparison.Ordinal);
    }
}
