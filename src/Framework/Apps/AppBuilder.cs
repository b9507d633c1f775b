using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Fwk;

/// <summary>
/// What an app configures in <see cref="IApp.Configure"/>: routes (ASP.NET Core route syntax and parameter
/// binding), hooks, error codes, data models and an init function. Valid only during startup.
/// </summary>
public sealed class AppBuilder
{
    private readonly ActiveApp _app;

    internal AppBuilder(ActiveApp app, IEndpointRouteBuilder routes, IEndpointConventionBuilder routeConventions, Hooks hooks, ErrorRegistry errors, IConfiguration configuration, IServiceProvider services, KnownSettings settings)
    {
        Settings = settings;
        _app = app;
        Routes = routes;
        RouteConventions = routeConventions;
        Hooks = hooks;
        Errors = errors;
        Configuration = configuration;
        Services = services;
    }

    /// <summary>The app's name (its class name), shown by <c>routes</c> and in error messages.</summary>
    public string Name => _app.Name;

    /// <summary>Where the app maps its routes: <c>Routes.MapGet("/users/{id:int}", GetUser)</c>, or <c>Routes.MapGroup("/prefix")</c>. GET routes also answer HEAD.</summary>
    public IEndpointRouteBuilder Routes { get; }

    /// <summary>
    /// Conventions applied to every route of this app, mapped before or after the call (<see cref="Routes"/> is their
    /// group): <c>app.RouteConventions.RequireAuthorization()</c> protects the whole app, as Fwk.Accounts'
    /// <c>app.RequireAuth()</c> does. A route's own conventions (<c>AllowAnonymous()</c>) still apply on top.
    /// </summary>
    public IEndpointConventionBuilder RouteConventions { get; }

    /// <summary>Registers the app's hook handlers (see <see cref="Events"/>).</summary>
    public Hooks Hooks { get; }

    /// <summary>Registers the app's error codes.</summary>
    public ErrorRegistry Errors { get; }

    /// <summary>The app's data models, for the database helper.</summary>
    public ModelRegistry Models => _app.Models;

    /// <summary>The project's configuration; apps read their own sections (e.g. <c>[mail]</c>) here.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Declares the config.ini sections the app reads (<c>app.Settings.Declare("mail", "host", "port")</c>): a misspelt key
    /// of a declared section stops startup, and the section is not warned about as unknown.
    /// </summary>
    public KnownSettings Settings { get; }

    /// <summary>The application's services (the host is built when apps configure).</summary>
    public IServiceProvider Services { get; }

    /// <summary>
    /// Sets the function <c>init_project</c> runs for this app (seed data), in app order, in a service scope of its own.
    /// Parameters bind like hook parameters (services, the session, <see cref="CancellationToken"/>).
    /// </summary>
    public void Init(Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _app.Init = HandlerBinder.Compile(handler);
    }
}
