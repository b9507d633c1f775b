using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk;

/// <summary>
/// Registers hook handlers (while apps configure) and raises custom events (at any time).
/// Handlers are delegates whose parameters bind by type: <see cref="HookContext"/>, <see cref="HttpContext"/>,
/// <see cref="CancellationToken"/>, the event's argument, or any service. Resolve this type from DI to emit events.
/// </summary>
public sealed class Hooks
{
    private readonly HookStore _store;
    private readonly string _owner;
    private readonly bool _isFramework;
    private readonly IServiceProvider? _services;

    internal Hooks(HookStore store, string owner, bool isFramework, IServiceProvider? services = null)
    {
        _store = store;
        _owner = owner;
        _isFramework = isFramework;
        _services = services;
    }

    /// <summary>
    /// The application's services, for packages' extension methods on <see cref="Hooks"/> (Fwk.Jobs' <c>OnDurable</c>):
    /// set for an app's hooks (<see cref="AppBuilder.Hooks"/>) and the hooks resolved from DI; null before the host is built.
    /// </summary>
    public IServiceProvider? Services => _services;

    /// <summary>The app that registers through this instance ("Program" for <see cref="FwkApplication.Hooks"/>, "Fwk" at framework level).</summary>
    public string Owner => _owner;

    /// <summary>Adds <paramref name="handler"/> to <paramref name="eventName"/> (see <see cref="Events"/> or any custom name).</summary>
    public Hooks On(string eventName, Delegate handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(handler);
        _store.Add(eventName, new HookHandler(_owner, _isFramework, HandlerBinder.Compile(handler)));
        return this;
    }

    /// <summary>
    /// Runs the handlers of <paramref name="eventName"/> in order, each awaited, with <paramref name="args"/> as the event's
    /// argument. Inside a request pass its <paramref name="httpContext"/> so handlers share the request's services
    /// (and session); otherwise they get a scope of their own. The first failing handler's exception propagates.
    /// </summary>
    public async Task EmitAsync(string eventName, object? args = null, HttpContext? httpContext = null, CancellationToken cancellationToken = default)
    {
        var handlers = _store.Get(eventName);
        if (handlers.Length == 0)
        {
            return;
        }

        if (httpContext is not null)
        {
            await HookStore.RunAsync(handlers, new HookContext(eventName, httpContext.RequestServices, httpContext, args, cancellationToken));
            return;
        }

        var root = _services ?? throw new InvalidOperationException("Events can be emitted once the application is built.");
        await using var scope = root.CreateAsyncScope();
        await HookStore.RunAsync(handlers, new HookContext(eventName, scope.ServiceProvider, null, args, cancellationToken));
    }

    /// <summary>
    /// Runs the handlers of <paramref name="eventName"/> in order with <paramref name="services"/> (a scope the caller owns
    /// and disposes), outside any request. For packages that run handlers in work of their own (Fwk.Jobs runs each job
    /// this way, then saves the scope's session). The first failing handler's exception propagates.
    /// </summary>
    public ValueTask EmitAsync(string eventName, object? args, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handlers = _store.Get(eventName);
        return handlers.Length == 0
            ? ValueTask.CompletedTask
            : HookStore.RunAsync(handlers, new HookContext(eventName, services, null, args, cancellationToken));
    }
}
