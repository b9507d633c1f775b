using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Tests.Hooks;

public sealed class CustomEventsTests
{
    [Fact]
    public async Task EmitAsync_WhenCalledFromAHandler_RunsHandlersInOrderWithArgsAndRequest()
    {
        await using var project = await new TestProject().Add<UserCreatedListenerApp>().Add<UserCreatedSecondApp>().StartAsync();

        var root = await Envelope.AssertSuccessAsync(await project.Client.PostAsync("/users?name=bob", null));

        Assert.Equal("bob", root.GetProperty("data").GetString());
        Assert.Equal(["first:bob:/users", "second:bob:/users"], project.Recorder.Events);
    }

    [Fact]
    public async Task EmitAsync_WhenCalledOutsideARequest_BindsArgsAndNoRequest()
    {
        await using var project = await new TestProject().Add<UserCreatedListenerApp>().Add<UserCreatedSecondApp>().StartAsync();
        var hooks = project.App.ServiceProvider.GetRequiredService<Fwk.Hooks>();

        await hooks.EmitAsync(UserCreatedListenerApp.Event, new UserCreated("ann"));
        await hooks.EmitAsync("nobody_listens", new UserCreated("zed"));

        Assert.Equal(["first:ann:-", "second:ann:-"], project.Recorder.Events);
    }

    [Fact]
    public async Task EmitAsync_WhenAHandlerThrows_PropagatesAndSkipsTheRest()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(UserCreatedListenerApp.Event, void (UserCreated user) => throw new InvalidOperationException("no " + user.Name));
        await project.Add<UserCreatedListenerApp>().StartAsync();
        var hooks = project.App.ServiceProvider.GetRequiredService<Fwk.Hooks>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => hooks.EmitAsync(UserCreatedListenerApp.Event, new UserCreated("eve")));

        Assert.Equal("no eve", error.Message);
        Assert.Empty(project.Recorder.Events);
    }

    [Fact]
    public async Task Hook_WhenItAsksForContextServicesAndToken_GetsThem()
    {
        await using var project = new TestProject(sections: "[mail]\nhost = mail.example");
        project.App.Hooks.On(Events.RequestStart, (HttpContext http, IConfiguration configuration, HookContext context, CancellationToken token, Recorder recorder) =>
            recorder.Add($"{context.EventName} {http.Request.Path} {configuration["mail:host"]} {token == http.RequestAborted}"));
        await project.Add<UserCreatedListenerApp>().StartAsync();

        await Envelope.AssertSuccessAsync(await project.Client.PostAsync("/users?name=x", null));

        Assert.Equal("request_start /users mail.example True", project.Recorder.Events[0]);
    }
}

public sealed record UserCreated(string Name);

/// <summary>Emits <see cref="Event"/> from POST /users and listens to it.</summary>
internal sealed class UserCreatedListenerApp : IApp
{
    public const string Event = "user_created";

    public void Configure(AppBuilder app)
    {
        app.Hooks.On(Event, (UserCreated user, HookContext context, Recorder recorder) =>
            recorder.Add($"first:{user.Name}:{context.HttpContext?.Request.Path.Value ?? "-"}"));
        app.Routes.MapPost("/users", async (string name, Fwk.Hooks hooks, HttpContext http) =>
        {
            await hooks.EmitAsync(Event, new UserCreated(name), http);
            return name;
        });
    }
}

internal sealed class UserCreatedSecondApp : IApp
{
    public void Configure(AppBuilder app) =>
        app.Hooks.On(UserCreatedListenerApp.Event, async (UserCreated user, HttpContext? http, Recorder recorder) =>
        {
            await Task.Yield();
            recorder.Add($"second:{user.Name}:{http?.Request.Path.Value ?? "-"}");
        });
}
