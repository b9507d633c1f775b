using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// The project's databases for work outside requests, for packages built on Fwk.Db (Fwk.Jobs runs its queue through
/// this) and for an app's own background work. A singleton service, usable once the database helper's startup hook has
/// run (the engines are started then). Requests and hooks bind <see cref="Session"/> and <see cref="ReadSession"/> instead.
/// </summary>
public sealed class Databases
{
    private readonly DatabaseBinds _binds;

    internal Databases(DatabaseBinds binds) => _binds = binds;

    /// <summary>
    /// Starts the server of <paramref name="bind"/> when Fwk manages it (<c>host = local</c>; idempotent, and done before
    /// serving anyway): verbs that use a database outside serving call this first.
    /// </summary>
    public Task StartAsync(string bind = ModelRegistry.DefaultBind, CancellationToken cancellationToken = default) =>
        _binds.Get(bind).Engine.StartAsync(cancellationToken);

    /// <summary>
    /// The primary data source of <paramref name="bind"/> (default: <c>[database]</c>): plain Npgsql commands, batches and
    /// connections of one's own (LISTEN needs one), from the bind's pool. Do not dispose it.
    /// </summary>
    public NpgsqlDataSource DataSource(string bind = ModelRegistry.DefaultBind) => _binds.Get(bind).Engine.DataSource;

    /// <summary>
    /// The write session of <paramref name="bind"/> that <paramref name="scope"/> (a request's or one's own service scope)
    /// has rented so far, or <see langword="null"/> when nothing in the scope used one: lets work that ran handlers in a
    /// scope save (or skip) what they wrote.
    /// </summary>
    public Session? RentedSession(IServiceProvider scope, string bind = ModelRegistry.DefaultBind)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.GetRequiredService<RequestSessions>().At(_binds.Get(bind).Index);
    }

    /// <summary>
    /// The write sessions of every bind that <paramref name="scope"/> has rented so far, in bind order (the default bind
    /// first, then <c>[database.NAME]</c> binds in config order: the order a request's sessions are saved in).
    /// </summary>
    public IReadOnlyList<Session> RentedSessions(IServiceProvider scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sessions = scope.GetRequiredService<RequestSessions>();
        return [.. _binds.All.Select(bind => sessions.At(bind.Index)).OfType<Session>()];
    }
}
