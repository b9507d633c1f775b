using Microsoft.AspNetCore.Http;

namespace Fwk.Db;

/// <summary>
/// The sessions of one request (a DI scope), one per bind, rented on first use, so a request that never touches a
/// database never rents a context. The scope disposes each session (returning it to its pool) when the request ends.
/// Each session knows its request, so that every save of it raises <see cref="DbEvents.Saving"/> with the request's
/// services and <see cref="HttpContext"/>.
/// </summary>
internal sealed class RequestSessions(DatabaseBinds binds, IServiceProvider services, HookStore hooks)
{
    private readonly Session?[] _sessions = new Session?[binds.All.Count];
    private HookHandler[]? _saving;

    /// <summary>The project's binds.</summary>
    public DatabaseBinds Binds => binds;

    /// <summary>The number of binds, the bound of <see cref="At"/>.</summary>
    public int Count => _sessions.Length;

    /// <summary>
    /// The request, set before the handler runs when some app handles <see cref="DbEvents.Saving"/> or the request has an
    /// <c>Idempotency-Key</c>; null otherwise, and for init functions and hooks outside requests.
    /// </summary>
    public HttpContext? HttpContext { get; set; }

    /// <summary>The key and response of a request with an <c>Idempotency-Key</c>, stored when the request's changes are saved.</summary>
    public (string Key, string Hash, IdempotentResponse Response)? Idempotency { get; set; }

    /// <summary>Whether any session was rented (most reads rent none).</summary>
    public bool AnyRented { get; private set; }

    /// <summary>The sessions rented so far, in bind order (the order they are saved in).</summary>
    public IEnumerable<Session> Rented => _sessions.OfType<Session>();

    /// <summary>The session of the bind at <paramref name="index"/>, if one was rented.</summary>
    public Session? At(int index) => _sessions[index];

    /// <summary>The write session of <paramref name="bind"/>, rented on first use.</summary>
    public Session Get(DatabaseBind bind)
    {
        if (_sessions[bind.Index] is { } rented)
        {
            return rented;
        }

        var session = bind.RentSession();
        session.Request = this;
        AnyRented = true;
        return _sessions[bind.Index] = session;
    }

    /// <summary>Runs the <see cref="DbEvents.Saving"/> handlers for <paramref name="session"/> (nothing to do when there are none).</summary>
    public ValueTask RaiseSavingAsync(Session session, CancellationToken cancellationToken)
    {
        var handlers = _saving ??= hooks.Get(DbEvents.Saving);
        return handlers.Length == 0
            ? ValueTask.CompletedTask
            : HookStore.RunAsync(handlers, new HookContext(DbEvents.Saving, services, HttpContext, session, cancellationToken));
    }
}
