using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fwk.Tests.Hooks;

/// <summary>Registers a recorder for every built-in event, as "owner:event".</summary>
internal static class HookRecording
{
    public static readonly string[] BuiltInEvents =
        [Events.Startup, Events.RequestStart, Events.SuccessResponse, Events.ExceptionResponse, Events.RequestEnd, Events.Shutdown];

    public static void RecordAll(Fwk.Hooks hooks, string owner)
    {
        foreach (var eventName in BuiltInEvents)
        {
            hooks.On(eventName, (Recorder recorder) => recorder.Add($"{owner}:{eventName}"));
        }
    }
}

/// <summary>Records every event and serves the routes the lifecycle tests need.</summary>
internal sealed class LifecycleApp : IApp
{
    public void Configure(AppBuilder app)
    {
        HookRecording.RecordAll(app.Hooks, app.Name);
        app.Hooks.On(Events.RequestStart, (HttpContext http) =>
        {
            if (http.Request.Headers.ContainsKey("X-Fail-Start"))
            {
                throw new InvalidOperationException("request_start failed");
            }
        });
        app.Routes.MapGet("/ok", (Recorder recorder) =>
        {
            recorder.Add("handler");
            return "ok";
        });
        app.Routes.MapGet("/throw", string () => throw new InvalidOperationException("boom"));
        app.Routes.MapGet("/error", () => Respond.Error(ErrorCodes.NotFound));
        app.Routes.MapGet("/slow", async (Recorder recorder, CancellationToken cancellationToken) =>
        {
            recorder.Reached.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        });
    }
}

internal sealed class SecondLifecycleApp : IApp
{
    public void Configure(AppBuilder app) => HookRecording.RecordAll(app.Hooks, app.Name);
}
