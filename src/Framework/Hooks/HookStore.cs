using Microsoft.Extensions.Logging;

namespace Fwk;

/// <summary>
/// Every hook handler, by event. Filled while the app is configured, then frozen into arrays in
/// run order so raising an event costs a dictionary look-up at most and nothing when it has no handlers.
/// </summary>
internal sealed class HookStore
{
    private readonly Dictionary<string, List<HookHandler>> _registered = new(StringComparer.Ordinal);
    private Dictionary<string, HookHandler[]>? _frozen;

    /// <summary>Adds a handler; framework-level handlers keep their own order ahead of (or after) the apps'.</summary>
    public void Add(string eventName, HookHandler handler)
    {
        if (_frozen is not null)
        {
            throw new InvalidOperationException($"Hooks cannot be added after startup (event '{eventName}', owner '{handler.Owner}').");
        }

        if (!_registered.TryGetValue(eventName, out var list))
        {
            _registered[eventName] = list = [];
        }

        list.Add(handler);
    }

    /// <summary>
    /// Orders every event's handlers and stops further registration. With a <paramref name="recorder"/> (a test host's),
    /// each handler tells it when it ran: event, owner and failure; without one, handlers run as registered.
    /// </summary>
    public void Freeze(Action<string, string, Exception?>? recorder = null)
    {
        _frozen = _registered.ToDictionary(
            e => e.Key,
            e => recorder is null ? Order(e.Key, e.Value) : [.. Order(e.Key, e.Value).Select(h => Recorded(h, recorder))],
            StringComparer.Ordinal);
    }

    /// <summary>The handlers of <paramref name="eventName"/> in run order; empty when it has none.</summary>
    public HookHandler[] Get(string eventName) =>
        (_frozen ?? throw new InvalidOperationException("Hooks are read only after startup.")).GetValueOrDefault(eventName, []);

    /// <summary>Runs handlers in order; the first failure propagates with the owner named.</summary>
    public static async ValueTask RunAsync(HookHandler[] handlers, HookContext context)
    {
        foreach (var handler in handlers)
        {
            await handler.Invoke(context);
        }
    }

    /// <summary>Runs every handler even when some fail; failures are logged, never thrown.</summary>
    public static async ValueTask RunAllAsync(HookHandler[] handlers, HookContext context, ILogger logger)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.Invoke(context);
            }
#pragma warning disable CA1031 // request_end and shutdown must never stop the remaining handlers.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "A {Event} hook of '{Owner}' failed.", context.EventName, handler.Owner);
            }
        }
    }

    private static HookHandler Recorded(HookHandler handler, Action<string, string, Exception?> recorder) => handler with
    {
        Invoke = async context =>
        {
            try
            {
                await handler.Invoke(context);
            }
            catch (Exception exception)
            {
                recorder(context.EventName, handler.Owner, exception);
                throw;
            }

            recorder(context.EventName, handler.Owner, null);
        },
    };

    private static HookHandler[] Order(string eventName, List<HookHandler> handlers)
    {
        var framework = handlers.Where(h => h.IsFramework);
        var apps = handlers.Where(h => !h.IsFramework);
        return eventName switch
        {
            Events.RequestEnd => [.. apps, .. framework],
            Events.Shutdown => [.. ReverseByOwner(apps), .. framework],
            _ => [.. framework, .. apps],
        };
    }

    // Apps stop in reverse start order; each app's own handlers keep their registration order.
    private static IEnumerable<HookHandler> ReverseByOwner(IEnumerable<HookHandler> handlers) =>
        handlers.GroupBy(h => h.Owner).Reverse().SelectMany(g => g);
}
