using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fwk.Db;

/// <summary>
/// A read-only session for handlers that only query: nothing is tracked and nothing can be saved, and when the bind has
/// standbys (<c>replicas</c>) its connections go to a standby that answers, else to the primary. Bind it like
/// <see cref="Session"/> (<c>ReadSession db</c>, or <c>[FromKeyedServices("NAME")] ReadSession</c> for another bind).
/// A standby may lag behind the primary: read what you just wrote through <see cref="Session"/>.
/// </summary>
public sealed class ReadSession : IAsyncDisposable, IDisposable
{
    private readonly Session _session;

    internal ReadSession(Session session) => _session = session;

    /// <summary>The bind (database) this session reads.</summary>
    public string Bind => _session.Bind;

    /// <summary>Raw SQL and connection access (<c>Database.SqlQuery&lt;T&gt;(…)</c>).</summary>
    public DatabaseFacade Database => _session.Database;

    /// <summary>The rows of <typeparamref name="T"/> to query, without change tracking.</summary>
    public IQueryable<T> Set<T>()
        where T : class => _session.Set<T>();

    /// <summary>
    /// Finds <typeparamref name="T"/> by primary key, or throws <see cref="FwkException"/> with the app's
    /// <paramref name="errorCode"/> (its message is formatted with the key), answered as that code's status (e.g. 404).
    /// </summary>
    public async Task<T> FindOr404Async<T>(object key, int errorCode, CancellationToken cancellationToken = default)
        where T : class =>
        await _session.Set<T>().FindAsync([key], cancellationToken) ?? throw new FwkException(errorCode, key);

    /// <summary>Returns the session to its pool (the framework does this when the request ends).</summary>
    public ValueTask DisposeAsync() => _session.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => _session.Dispose();
}
