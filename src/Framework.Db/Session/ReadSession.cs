using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// A read-only session for handlers that only query: nothing is tracked and nothing can be saved, and when the bind has
/// standbys (<c>replicas</c>) its connections go to a standby that answers, else to the primary. Bind it like
/// <see cref="Session"/> (<c>ReadSession db</c>, or <c>[FromKeyedServices("NAME")] ReadSession</c> for another bind).
/// A standby may lag behind the primary: read what you just wrote through <see cref="Session"/>. Its EF Core context is
/// rented from the bind's pool on first use: the fast path of <see cref="FindOr404Async"/> and <see cref="PageAsync"/>
/// needs none.
/// </summary>
public sealed class ReadSession : IAsyncDisposable, IDisposable
{
    private readonly DatabaseBind _bind;
    private Session? _session;

    internal ReadSession(DatabaseBind bind) => _bind = bind;

    /// <summary>The bind (database) this session reads.</summary>
    public string Bind => _bind.Name;

    /// <summary>Raw SQL and connection access (<c>Database.SqlQuery&lt;T&gt;(…)</c>).</summary>
    public DatabaseFacade Database => Context.Database;

    /// <summary>The data source reads go to: a standby's when the bind has one that answers.</summary>
    internal NpgsqlDataSource DataSource => _bind.Engine.ReadDataSource;

    /// <summary>The no-tracking EF Core context, rented on first use.</summary>
    internal Session Context => _session ??= _bind.RentReadContext();

    /// <summary>The rows of <typeparamref name="T"/> to query, without change tracking.</summary>
    public IQueryable<T> Set<T>()
        where T : class => Context.Set<T>();

    /// <summary>
    /// Finds <typeparamref name="T"/> by primary key, or throws <see cref="FwkException"/> with the app's
    /// <paramref name="errorCode"/> (its message is formatted with the key), answered as that code's status (e.g. 404).
    /// A plain table with a one-column key is read with one prepared SQL statement written from the model (Fwk's fastest
    /// read); other models (and composite keys, passed as <c>object[]</c>) through EF Core's <c>FindAsync</c>.
    /// </summary>
    public Task<T> FindOr404Async<T>(object key, int errorCode, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return TableReader<T>.For(_bind.RuntimeModel) is { KeyType: not null } reader
            ? reader.FindOr404Async(this, key, errorCode, cancellationToken)
            : FindThroughEfCoreAsync<T>(key, errorCode, cancellationToken);
    }

    private async Task<T> FindThroughEfCoreAsync<T>(object key, int errorCode, CancellationToken cancellationToken)
        where T : class =>
        await Context.Set<T>().FindAsync(key as object[] ?? [key], cancellationToken) ?? throw new FwkException(errorCode, key);

    /// <summary>The page size of <see cref="PageAsync"/> when no limit is given: 20 rows.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>
    /// The most rows <see cref="PageAsync"/> returns unless <c>[database] max_page_size</c> (or the bind's own section) says
    /// otherwise: 100. A larger limit is cut down to it, so a client cannot ask for a whole table.
    /// </summary>
    public const int DefaultMaxPageSize = 100;

    /// <summary>The most rows one page has on this bind: <c>max_page_size</c>, default <see cref="DefaultMaxPageSize"/>.</summary>
    public int MaxPageSize => _bind.Settings.MaxPageSize;

    /// <summary>
    /// The rows of <typeparamref name="T"/> in key order from <paramref name="offset"/>, at most <paramref name="limit"/>
    /// (default <see cref="DefaultPageSize"/>; one larger than <see cref="MaxPageSize"/> is cut down to it), and the table's
    /// total count. An <paramref name="offset"/> below 0 or a <paramref name="limit"/> below 1 throws
    /// <see cref="FwkException"/> 1002 naming the field (<c>{"limit": ["…"]}</c>), answered as 400 — pass the query values
    /// straight through. A plain table is read in one round trip of two prepared statements written from the model; other
    /// models through EF Core. For filtered or sorted lists, query <see cref="Set{T}"/>.
    /// </summary>
    public Task<Page<T>> PageAsync<T>(int offset = 0, int limit = DefaultPageSize, CancellationToken cancellationToken = default)
        where T : class
    {
        if (offset < 0 || limit < 1)
        {
            throw InvalidPaging(offset < 0 ? "offset" : "limit", offset < 0 ? $"must be 0 or more, not {offset}" : $"must be 1 or more, not {limit}");
        }

        limit = Math.Min(limit, MaxPageSize);
        return TableReader<T>.For(_bind.RuntimeModel) is { } reader
            ? reader.PageAsync(this, offset, limit, cancellationToken)
            : PageThroughEfCoreAsync<T>(offset, limit, cancellationToken);
    }

    private static FwkException InvalidPaging(string field, string message) =>
        new(ErrorCodes.ValidationFailed) { Details = new Dictionary<string, string[]> { [field] = [$"The {field} {message}."] } };

    private async Task<Page<T>> PageThroughEfCoreAsync<T>(int offset, int limit, CancellationToken cancellationToken)
        where T : class
    {
        var rows = Context.Set<T>();
        var key = _bind.RuntimeModel.FindEntityType(typeof(T))?.FindPrimaryKey()?.Properties
            ?? throw new InvalidOperationException($"'{typeof(T).Name}' has no key to page by.");
        var ordered = rows.OrderBy(row => EF.Property<object>(row, key[0].Name));
        foreach (var property in key.Skip(1))
        {
            ordered = ordered.ThenBy(row => EF.Property<object>(row, property.Name));
        }

        return new Page<T>(await rows.LongCountAsync(cancellationToken), await ordered.Skip(offset).Take(limit).ToListAsync(cancellationToken));
    }

    /// <summary>Returns the session to its pool (the framework does this when the request ends).</summary>
    public ValueTask DisposeAsync() => _session?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => _session?.Dispose();
}
