using Microsoft.AspNetCore.Http;

namespace Fwk;

/// <summary>What a hook handler can bind: the event, its argument, the request (if any) and services.</summary>
public sealed class HookContext
{
    internal HookContext(string eventName, IServiceProvider services, HttpContext? httpContext, object? args, CancellationToken cancellationToken)
    {
        EventName = eventName;
        Services = services;
        HttpContext = httpContext;
        Args = args;
        CancellationToken = cancellationToken;
    }

    /// <summary>The event being raised.</summary>
    public string EventName { get; internal set; }

    /// <summary>The request's services for request events, a scope of the event otherwise.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The current request; <see langword="null"/> for startup, shutdown and events raised outside a request.</summary>
    public HttpContext? HttpContext { get; }

    /// <summary>The event's argument: the exception or error result for exception_response, the result for success_response, or what <see cref="Hooks.EmitAsync(string, object?, Microsoft.AspNetCore.Http.HttpContext?, CancellationToken)"/> was given.</summary>
    public object? Args { get; internal set; }

    /// <summary>Cancelled when the request is aborted or the host stops.</summary>
    public CancellationToken CancellationToken { get; }
}
