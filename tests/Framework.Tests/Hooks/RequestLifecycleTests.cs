using System.Net;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Hooks;

/// <summary>request_end runs exactly once per request_start, whatever happens to the request.</summary>
public sealed class RequestLifecycleTests
{
    private const string Start = "LifecycleApp:request_start";
    private const string End = "LifecycleApp:request_end";

    [Fact]
    public async Task RequestEnd_WhenHandlerSucceeds_RunsOncePerStart()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().StartAsync();

        await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/ok"));
        await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/ok"));

        await AssertEndsMatchStartsAsync(project.Recorder, 2);
    }

    [Fact]
    public async Task RequestEnd_WhenHandlerThrows_RunsOncePerStart()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/throw");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        await AssertEndsMatchStartsAsync(project.Recorder, 1);
    }

    [Fact]
    public async Task RequestEnd_WhenRouteIsUnmatched_RunsOncePerStart()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().StartAsync();

        await Envelope.AssertErrorAsync(await project.Client.GetAsync("/nowhere"), HttpStatusCode.NotFound, ErrorCodes.NotFound);

        await AssertEndsMatchStartsAsync(project.Recorder, 1);
    }

    [Fact]
    public async Task RequestStart_WhenAHookThrows_Answers1000AndRunsRequestEnd()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().Add<SecondLifecycleApp>().StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ok");
        request.Headers.Add("X-Fail-Start", "1");

        var response = await project.Client.SendAsync(request);

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        Assert.DoesNotContain("request_start failed", root.GetRawText(), StringComparison.Ordinal);
        await AssertEndsMatchStartsAsync(project.Recorder, 1);
        await Recorder.WaitUntilAsync(() => project.Recorder.Count("SecondLifecycleApp:request_end") == 1, "the second app's request_end");
        Assert.Equal(0, project.Recorder.Count("handler"));
        Assert.Equal(0, project.Recorder.Count("SecondLifecycleApp:request_start"));
    }

    [Fact]
    public async Task RequestEnd_WhenClientAborts_RunsOncePerStart()
    {
        await using var project = await new TestProject().Add<LifecycleApp>().StartAsync();
        using var abort = new CancellationTokenSource();

        var request = project.Client.GetAsync("/slow", abort.Token);
        await project.Recorder.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await AssertEndsMatchStartsAsync(project.Recorder, 1);
        Assert.Equal(0, project.Recorder.Count("LifecycleApp:success_response"));
    }

    private static async Task AssertEndsMatchStartsAsync(Recorder recorder, int expected)
    {
        await Recorder.WaitUntilAsync(() => recorder.Count(End) >= expected, $"{expected} request_end");
        Assert.Equal(expected, recorder.Count(Start));
        Assert.Equal(expected, recorder.Count(End));
    }
}
