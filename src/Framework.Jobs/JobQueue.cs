using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fwk.Jobs;

/// <summary>
/// Enqueues jobs and publishes durable events into the default bind's <see cref="Session"/> of the current scope, so they
/// are stored with its changes, in one transaction: in a request, a handler that fails or answers an error enqueues
/// nothing; one that succeeds enqueued exactly its jobs. In a job's handler they commit with the job's completion. Bind it
/// as a handler or hook parameter (a scoped service). Workers of any instance are woken once the changes commit.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the job queue users enqueue into, not a collection type.")]
public sealed class JobQueue : IAsyncDisposable
{
    private static readonly JobOptions Defaults = new();

    private readonly JobCatalog _catalog;
    private readonly Session _session;
    private readonly JobSignal _signal;
    private readonly PendingJobs _pending = new();
    private readonly List<(JobRecord Record, Func<object?> Payload)> _afterSave = [];
    private bool _insertedUnique;

    internal JobQueue(JobCatalog catalog, Session session, JobSignal signal)
    {
        _catalog = catalog;
        _session = session;
        _signal = signal;
    }

    /// <summary>
    /// Enqueues <paramref name="job"/> for the handler of <typeparamref name="TJob"/> (<c>app.Jobs.Handle</c>); its payload
    /// is stored as JSON as it is now.
    /// </summary>
    /// <exception cref="InvalidOperationException">No handler runs <typeparamref name="TJob"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a unique key (use <see cref="EnqueueAsync{TJob}"/>).</exception>
    public void Enqueue<TJob>(TJob job, JobOptions? options = null)
        where TJob : notnull =>
        Add(_catalog.ForType(typeof(TJob)), Checked(options), () => job, deferred: false);

    /// <summary>
    /// Enqueues the job that <paramref name="job"/> makes, once the rows the session holds now are saved (in the same
    /// transaction), so it can use their generated keys: <c>jobs.Enqueue(() =&gt; new WelcomeMail(user.Id))</c> right after
    /// <c>db.Add(user)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No handler runs <typeparamref name="TJob"/>.</exception>
    public void Enqueue<TJob>(Func<TJob> job, JobOptions? options = null)
        where TJob : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        Add(_catalog.ForType(typeof(TJob)), Checked(options), () => job(), deferred: true);
    }

    /// <summary>
    /// Enqueues <paramref name="job"/> as <see cref="Enqueue{TJob}(TJob, JobOptions?)"/> does; with a <see cref="JobOptions.UniqueKey"/> it is
    /// inserted now, in the session's transaction (opened if none is), and nothing happens when a job with that key exists.
    /// Returns whether the job was enqueued.
    /// </summary>
    public async Task<bool> EnqueueAsync<TJob>(TJob job, JobOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : notnull
    {
        if (options?.UniqueKey is null)
        {
            Enqueue(job, options);
            return true;
        }

        var record = NewRecord(_catalog.ForType(typeof(TJob)), job, options);
        if (_session.Database.CurrentTransaction is null)
        {
            await _session.Database.BeginTransactionAsync(cancellationToken);
        }

        // On the session's own connection and transaction: committed (or rolled back) with its changes.
        await using var command = new NpgsqlCommand(
            JobSql.InsertUnique,
            (NpgsqlConnection)_session.Database.GetDbConnection(),
            (NpgsqlTransaction)_session.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.AddRange(JobStore.InsertParameters([record]));
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        _insertedUnique |= inserted;
        return inserted;
    }

    /// <summary>
    /// Publishes the durable event <paramref name="eventName"/>: one job per handler registered with <c>app.Hooks.OnDurable</c>
    /// (of any app), each given <paramref name="args"/>, or what it makes once the session's new rows are saved when it is a
    /// <see cref="Func{TResult}"/> (as <see cref="Enqueue{TJob}(Func{TJob}, JobOptions?)"/>). Returns how many jobs were
    /// enqueued. In-process handlers (<see cref="Hooks.On"/>) are not run: raise those with
    /// <see cref="Hooks.EmitAsync(string, object?, Microsoft.AspNetCore.Http.HttpContext?, CancellationToken)"/>.
    /// </summary>
    public int Publish(string eventName, object? args = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var handlers = _catalog.ForEvent(eventName);
        foreach (var handler in handlers)
        {
            if (args is Func<object?> make)
            {
                Add(handler, Defaults, make, deferred: true);
            }
            else
            {
                Add(handler, Defaults, () => args, deferred: false);
            }
        }

        return handlers.Count;
    }

    /// <summary>Wakes the workers when what this scope enqueued was committed (the scope ends after the save).</summary>
    public ValueTask DisposeAsync()
    {
        if (_insertedUnique && _session.Database.CurrentTransaction is null || _pending.SavedAny)
        {
            _signal.Wake();
        }

        return ValueTask.CompletedTask;
    }

    private static JobOptions Checked(JobOptions? options) =>
        options?.UniqueKey is not null
            ? throw new ArgumentException("A job with a UniqueKey is enqueued with EnqueueAsync: its insert is checked at once.", nameof(options))
            : options ?? Defaults;

    private void Add(JobHandler handler, JobOptions options, Func<object?> payload, bool deferred)
    {
        if (!deferred || !_session.ChangeTracker.Entries().Any(entry => entry.State == EntityState.Added))
        {
            Pend(NewRecord(handler, payload(), options));
            return;
        }

        // Written after the rows the session is about to insert, in one transaction that the save commits.
        if (_afterSave.Count == 0)
        {
            _session.SavedChanges += AddAfterSave;
            _session.SaveInTransaction();
        }

        _afterSave.Add((NewRecord(handler, null, options), payload));
    }

    private void AddAfterSave(object? sender, SavedChangesEventArgs e)
    {
        _session.SavedChanges -= AddAfterSave;
        foreach (var (record, payload) in _afterSave)
        {
            record.Args = JobJson.Serialize(payload());
            Pend(record);
        }

        _afterSave.Clear();
    }

    // Written by the session's next save, in its statement batch (no tracked entity: nothing reads the row back).
    private void Pend(JobRecord record)
    {
        _pending.Add(record);
        _session.SaveWith(_pending);
    }

    private static JobRecord NewRecord(JobHandler handler, object? payload, JobOptions options)
    {
        var now = DateTime.UtcNow;
        var runAt = options.RunAt switch
        {
            { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
            { } other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
            null => now + (options.Delay ?? TimeSpan.Zero),
        };
        return new JobRecord
        {
            Kind = handler.Kind,
            Queue = options.Queue ?? handler.Queue,
            Priority = options.Priority,
            Args = JobJson.Serialize(payload),
            MaxAttempts = options.MaxAttempts ?? handler.MaxAttempts,
            RunAt = runAt,
            CreatedAt = now,
            UniqueKey = options.UniqueKey,
        };
    }
}
