namespace Fwk.Db;

/// <summary>
/// Saves a request's sessions on success_response (and after an app's init), before the response starts. One session
/// with changes is saved as EF Core saves it (its own transaction, retried on transient failures). Several (more than
/// one bind, or a transaction already open) are saved inside one transaction each and committed in bind order only after
/// every save succeeded: a failing save commits nothing anywhere. This is not a distributed transaction: a commit that
/// fails after an earlier bind's commit succeeded leaves that earlier bind's changes in place.
/// </summary>
internal static class SessionSaver
{
    public static async Task SaveAsync(HookContext context, RequestSessions sessions, HookStore hooks)
    {
        var changed = await RaiseSavingAsync(context, sessions, hooks.Get(DbEvents.Saving));
        var open = sessions.Rented.Where(s => s.Database.CurrentTransaction is not null).ToList();
        if (changed.Count == 1 && open.Count == 0)
        {
            await changed[0].SaveChangesAsync(context.CancellationToken);
            return;
        }

        var involved = sessions.Rented.Where(s => changed.Contains(s) || open.Contains(s)).ToList();
        foreach (var session in involved.Where(s => s.Database.CurrentTransaction is null))
        {
            await session.Database.BeginTransactionAsync(context.CancellationToken);
        }

        foreach (var session in changed)
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }

        foreach (var session in involved)
        {
            await session.Database.CommitTransactionAsync(context.CancellationToken);
        }
    }

    // Handlers of 'session_saving' may rent and change sessions of later binds: those are looked at in turn.
    private static async Task<List<Session>> RaiseSavingAsync(HookContext context, RequestSessions sessions, HookHandler[] handlers)
    {
        var changed = new List<Session>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions.At(i) is not { } session || !session.ChangeTracker.HasChanges())
            {
                continue;
            }

            if (handlers.Length > 0)
            {
                await HookStore.RunAsync(handlers, new HookContext(DbEvents.Saving, context.Services, context.HttpContext, session, context.CancellationToken));
            }

            changed.Add(session);
        }

        return changed;
    }
}
