using System.Net;
using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fwk.Tests.Hosting;

public sealed class NetworkingTests
{
    [Fact]
    public async Task Request_WhenLongerThanRequestTimeout_Answers504Code1010()
    {
        await using var project = await new TestProject(networking: "request_timeout = 0.2").Add<NetworkApp>().StartAsync();

        var response = await project.Client.GetAsync("/forever");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.GatewayTimeout, ErrorCodes.Timeout);
    }

    [Fact]
    public async Task Preflight_WhenOriginIsAllowed_AnswersCorsHeaders()
    {
        await using var project = await new TestProject(sections: "[cors]\nallowed_origins = https://app.example\nallowed_methods = GET, POST").Add<NetworkApp>().StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/ping");
        request.Headers.Add("Origin", "https://app.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await project.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://app.example", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Get_WhenOriginIsNotAllowed_SendsNoCorsHeader()
    {
        await using var project = await new TestProject(sections: "[cors]\nallowed_origins = https://app.example").Add<NetworkApp>().StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ping");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await project.Client.SendAsync(request);

        await Envelope.AssertSuccessAsync(response);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Run_WhenNoVerb_ServesUntilStoppedThenReturns0()
    {
        await using var project = new TestProject().Add<NetworkApp>();

        var run = project.RunAsync();
        await project.Recorder.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var client = new HttpClient { BaseAddress = new Uri(project.App.Urls[0]) };
        await Envelope.AssertSuccessAsync(await client.GetAsync("/ping"));
        project.App.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["NetworkApp"], project.Recorder.Of(Events.Shutdown));
    }
}

/// <summary>Sets <see cref="Recorder.Reached"/> once the server has started.</summary>
internal sealed class NetworkApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Hooks.On(Events.Startup, void (IHostApplicationLifetime lifetime, Recorder recorder) =>
            lifetime.ApplicationStarted.Register(() => recorder.Reached.TrySetResult()));
        app.Hooks.On(Events.Shutdown, (Recorder recorder) => recorder.Add("NetworkApp:shutdown"));
        app.Routes.MapGet("/ping", () => "pong");
        app.Routes.MapGet("/forever", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        });
    }
}
