namespace Fwk.Db;

/// <summary>
/// Saves a request's sessions on success_response (and after an app's init), before the response starts. One session
/// with changes is saved as EF Core saves it (its own transaction, retried on transient failures). Several (more than
/// one bind, a transaction already open or asked for with <see cref="Session.SaveInTransaction"/>, or handlers of <see cref="DbEvents.Saving"/> that may add changes to a later
/// bind) are saved inside one transaction each and committed in bind order only after every save succeeded: a failing
/// save commits nothing anywhere. This is not a distributed transaction: a commit that fails after an earlier bind's
/// commit succeeded leaves that earlier bind's changes in place. A session saved in a transaction is saved again while
/// its <see cref="Microsoft.EntityFrameworkCore.DbContext.SavedChanges"/> handlers add changes (three saves at most).
/// </summary>
internal static class SessionSaver
{
    /// <summary>Saves of one session in a transaction, while saving adds changes.</summary>
    private const int MaxSaveRounds = 3;

    public static async Task SaveAsync(HookContext context, RequestSessions sessions, HookStore hooks)
    {
        var cancellationToken = context.CancellationToken;
        var count = sessions.AnyRented ? sessions.Rented.Count(NeedsSave) : 0;
        if (count == 0)
        {
            return;
        }

        if (count == 1 && hooks.Get(DbEvents.Saving).Length == 0 && sessions.Rented.First(NeedsSave) is { } only && only.Database.CurrentTransaction is null
            && !only.TransactionRequired)
        {
            await only.SaveChangesAsync(cancellationToken);
            return;
        }

        // Saving one bind may add changes to a later one (an audit log): each index is looked at after the earlier saves.
        var saved = new List<Session>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions.At(i) is not { } session || !NeedsSave(session))
            {
                continue;
            }

            if (session.Database.CurrentTransaction is null)
            {
                await session.Database.BeginTransactionAsync(cancellationToken);
            }

            // A failing save commits nothing anywhere: EF Core's savepoint around each save would only add round trips.
            session.Database.AutoSavepointsEnabled = false;

            // Handlers of the session's SavedChanges may add rows that need the keys just generated (Fwk.Jobs' payloads):
            // they are saved too, in the same transaction.
            for (var round = 0; round < MaxSaveRounds && session.HasChangesToSave; round++)
            {
                await session.SaveChangesAsync(cancellationToken);
            }

            saved.Add(session);
        }

        await StoreIdempotentResponseAsync(sessions, cancellationToken);
        foreach (var session in saved)
        {
            await session.Database.CommitTransactionAsync(cancellationToken);
        }
    }

    // The response is written into memory only now, once the changes are saved (their generated keys are in it), and saved
    // with its key in the default bind's transaction, committed below with the rest.
    private static async Task StoreIdempotentResponseAsync(RequestSessions sessions, CancellationToken cancellationToken)
    {
        if (sessions.Idempotency is not var (key, hash, response) || sessions.HttpContext is not { } http)
        {
            return;
        }

        await response.CaptureAsync(http);
        var bind = sessions.Binds.Default;
        var session = sessions.Get(bind);
        var now = DateTime.UtcNow;
        session.Add(new IdempotencyRecord
        {
            Key = key,
            RequestHash = hash,
            Status = response.Status,
            ContentType = response.ContentType,
            Location = response.Location,
            Body = response.Body,
            CreatedAt = now,
            ExpiresAt = now + bind.Settings.IdempotencyExpiry,
        });
        await session.SaveChangesAsync(cancellationToken);
    }

    // Tracked changes, or a transaction the handler (or the framework) opened and left to be committed with the request.
    private static bool NeedsSave(Session session) => session.Database.CurrentTransaction is not null || session.HasChangesToSave;
}
