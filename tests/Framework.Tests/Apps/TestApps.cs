using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Tests.Apps;

/// <summary>Records "Name:configure", "Name:startup" and "Name:shutdown"; answers GET /{name}.</summary>
internal abstract class RecordingApp : IApp
{
    public virtual IEnumerable<Type> DependsOn => [];

    public void Configure(AppBuilder app)
    {
        var name = app.Name;
        app.Services.GetRequiredService<Recorder>().Add($"{name}:configure");
        app.Hooks.On(Events.Startup, (Recorder recorder) => recorder.Add($"{name}:startup"));
        app.Hooks.On(Events.Shutdown, (Recorder recorder) => recorder.Add($"{name}:shutdown"));
        app.Init((Recorder recorder) => recorder.Add($"{name}:init"));
        app.Routes.MapGet("/" + name.ToLowerInvariant(), () => name);
    }
}

internal sealed class BaseApp : RecordingApp;

internal sealed class DependentApp : RecordingApp
{
    public override IEnumerable<Type> DependsOn => [typeof(BaseApp)];
}

internal sealed class NamedApp : RecordingApp;

internal sealed class CycleOneApp : RecordingApp
{
    public override IEnumerable<Type> DependsOn => [typeof(CycleTwoApp)];
}

internal sealed class CycleTwoApp : RecordingApp
{
    public override IEnumerable<Type> DependsOn => [typeof(CycleOneApp)];
}

internal sealed class CodeOwnerOneApp : IApp
{
    public void Configure(AppBuilder app) => app.Errors.Add(1150, "First", 400);
}

internal sealed class CodeOwnerTwoApp : IApp
{
    public void Configure(AppBuilder app) => app.Errors.Add(1150, "Second", 409);
}

internal sealed class ReservedCodeApp : IApp
{
    public void Configure(AppBuilder app) => app.Errors.Add(1050, "Mine", 400);
}

internal sealed class RouteOwnerOneApp : IApp
{
    public void Configure(AppBuilder app) => app.Routes.MapGet("/things/{id}", (int id) => id);
}

internal sealed class RouteOwnerTwoApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapPost("/things/{id}", (int id) => id);
        app.Routes.MapGet("/Things/{key}/", (string key) => key);
    }
}

internal sealed class OtherMethodApp : IApp
{
    public void Configure(AppBuilder app) => app.Routes.MapDelete("/things/{id}", (int id) => id);
}
