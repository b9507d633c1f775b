namespace Fwk.Db;

/// <summary>
/// The sessions of one request (a DI scope), one per bind, rented on first use, so a request that never touches a
/// database never rents a context. The scope disposes each session (returning it to its pool) when the request ends.
/// </summary>
internal sealed class RequestSessions(DatabaseBinds binds)
{
    private readonly Session?[] _sessions = new Session?[binds.All.Count];

    public DatabaseBinds Binds => binds;

    /// <summary>The sessions rented so far, in bind order (the order they are saved in).</summary>
    public IEnumerable<Session> Rented => _sessions.OfType<Session>();

    /// <summary>The number of binds, the bound of <see cref="At"/>.</summary>
    public int Count => _sessions.Length;

    /// <summary>The session of the bind at <paramref name="index"/>, if one was rented.</summary>
    public Session? At(int index) => _sessions[index];

    /// <summary>The write session of <paramref name="bind"/>, rented on first use.</summary>
    public Session Get(DatabaseBind bind) => _sessions[bind.Index] ??= bind.RentSession();
}
