using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fwk.Db;

/// <summary>
/// The request's database session: an EF Core context over the models of one bind (the default <c>[database]</c>
/// unless resolved as <c>[FromKeyedServices("NAME")] Session</c>). Every app's models of a bind are one model, so models
/// of different apps can relate. Bind it as a handler or hook parameter. It is rented from a pool on first use in a
/// request, saved on success_response before the response starts, never saved after an error, and returned to the pool
/// when the request ends. A session is never shared between requests. Writes always go to the bind's primary server.
/// </summary>
public sealed partial class Session : DbContext
{
    /// <summary>Created by the framework's context pool.</summary>
    public Session(DbContextOptions<Session> options)
        : base(options)
    {
    }

    /// <summary>The bind (database) of this session: <c>default</c> or the NAME of <c>[database.NAME]</c>.</summary>
    public string Bind => BindModel.Bind;

    /// <summary>
    /// Set when a write failed in a way that leaves its commit unknown (the connection broke after the command was sent),
    /// so the retry strategy does not run it again and risk a duplicate. Cleared when a save starts.
    /// </summary>
    internal bool WriteOutcomeUnknown { get; set; }

    /// <summary>What this session's model is made of (from its options).</summary>
    internal BindModel BindModel => this.GetService<IDbContextOptions>().FindExtension<BindModelExtension>()?.Model
        ?? throw new InvalidOperationException("The session was created outside a Fwk application.");

    /// <summary>
    /// Finds <typeparamref name="T"/> by primary key (tracked, so changes to it are saved), or throws
    /// <see cref="FwkException"/> with the app's <paramref name="errorCode"/> (its message is formatted with the key),
    /// answered as that code's status (e.g. 404).
    /// </summary>
    public async Task<T> FindOr404Async<T>(object key, int errorCode, CancellationToken cancellationToken = default)
        where T : class =>
        await Set<T>().FindAsync([key], cancellationToken) ?? throw new FwkException(errorCode, key);

    /// <summary>Set by <see cref="SaveInTransaction"/>; cleared when the session goes back to its pool.</summary>
    internal bool TransactionRequired { get; private set; }

    /// <summary>
    /// Makes this session's next save open a transaction (asynchronously, when the save starts) that stays open until the
    /// framework commits it with the request's other changes on success_response, or rolls it back after an error. For
    /// code whose <see cref="DbContext.SavedChanges"/> handlers add rows that must commit with the saved ones (Fwk.Jobs'
    /// payloads made from generated keys). Has no effect when a transaction is open already. Outside a request (a verb,
    /// a scope of your own) commit it yourself with <c>Database.CommitTransactionAsync()</c>.
    /// </summary>
    public void SaveInTransaction() => TransactionRequired = true;

    /// <summary>The request this session belongs to, while it is rented; its saves raise <see cref="DbEvents.Saving"/> there.</summary>
    internal RequestSessions? Request { get; set; }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    /// <remarks>Prefer <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>: this one waits for the saving hooks synchronously.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteOutcomeUnknown = false;
        Request?.RaiseSavingAsync(this, default).AsTask().GetAwaiter().GetResult();
        if (TransactionRequired && Database.CurrentTransaction is null)
        {
            Database.BeginTransaction();
        }

        PrepareSave();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        FinishParticipantsSave();
        return saved;
    }

    /// <summary>
    /// Saves the tracked changes (the framework does this on success_response; a handler may too, to learn generated keys).
    /// In a request, the <see cref="DbEvents.Saving"/> hooks run first, then EF Core saves.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteOutcomeUnknown = false;
        if (Request is { } request)
        {
            await request.RaiseSavingAsync(this, cancellationToken);
        }

        if (TransactionRequired && Database.CurrentTransaction is null)
        {
            await Database.BeginTransactionAsync(cancellationToken);
        }

        PrepareSave();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await FinishParticipantsSaveAsync(cancellationToken);
        return saved;
    }

    // A failed save in a transaction the framework asked for fails the whole request: EF Core's savepoint around each
    // save would only add round trips. Inserts that fit one batch need no BEGIN/COMMIT of EF Core's (see OneBatch).
    private void PrepareSave()
    {
        ResetWritten();
        Database.AutoSavepointsEnabled &= !TransactionRequired;
        Database.AutoTransactionBehavior = Database.CurrentTransaction is null && OneBatch.Holds(ChangeTracker)
            ? AutoTransactionBehavior.Never
            : AutoTransactionBehavior.WhenNeeded;
    }

    /// <summary>Returns the session to its pool (the framework does this when the request ends), detached from its request.</summary>
    public override ValueTask DisposeAsync()
    {
        (Request, TransactionRequired) = (null, false);
        ClearParticipants();
        return base.DisposeAsync();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public override void Dispose()
    {
        (Request, TransactionRequired) = (null, false);
        ClearParticipants();
        base.Dispose();
    }

    /// <summary>Builds the bind's model from the active apps' models (once per set of models; EF Core caches it).</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ModelComposer.Compose(modelBuilder, BindModel);
}
