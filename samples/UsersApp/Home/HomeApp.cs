using Fwk;
using Scalar.AspNetCore;

namespace Sample.Home;

/// <summary>
/// The project's front door: <c>GET /</c>, <c>/health</c>, the OpenAPI document and the docs page at <c>/docs</c>; it says
/// when the app stops (the shutdown hook runs once in-flight requests are done).
/// </summary>
public sealed class HomeApp : IApp
{
    // Read once: Assembly.GetName() builds a new AssemblyName on every call.
    private static readonly string? FrameworkVersion = typeof(IApp).Assembly.GetName().Version?.ToString(3);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddOpenApi();

    public void Configure(AppBuilder app)
    {
        app.Hooks.On(Events.Shutdown, (ILogger<HomeApp> log) => log.LogInformation("Sample stopped: in-flight requests are done."));
        app.Routes.MapGet("/", GetInfo).WithSummary("Framework name and version");
        app.Routes.MapHealth("/health");
        app.Routes.MapOpenApi("/openapi/{documentName}.json");
        app.Routes.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }

    private static SuccessResult<FrameworkInfo> GetInfo() => Respond.Success(new FrameworkInfo("Fwk", FrameworkVersion));
}
