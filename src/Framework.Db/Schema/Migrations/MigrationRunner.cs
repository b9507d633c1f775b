using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// One bind's migrations, on EF Core's migrator: what exists, what the database has applied, upgrading and downgrading
/// (under the <see cref="MigrationLock"/>, each migration in its own transaction, so a failing one leaves the database as
/// it was before it), the SQL script, and the model changes no migration holds yet.
/// </summary>
internal sealed class MigrationRunner(DatabaseBind bind)
{
    /// <summary>The <c>db downgrade</c> target that reverts every migration.</summary>
    public const string Initial = Migration.InitialDatabase;

    /// <summary>Every migration of the bind, oldest first.</summary>
    public IReadOnlyList<string> All => [.. BindMigrationsAssembly.Find(bind.Model).Keys];

    /// <summary>Whether the project has migrations for this bind (then create_db upgrades instead of creating tables).</summary>
    public bool HasMigrations => All.Count > 0;

    /// <summary>
    /// The migrations the database has applied, oldest first (none when the database or its history is missing). Read with
    /// one query on EF Core's history table, without EF Core's services: startup and an up-to-date create_db stay cheap.
    /// </summary>
    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = bind.Engine.DataSource.CreateCommand($"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\" ORDER BY \"MigrationId\"");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var applied = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidCatalogName)
        {
            return [];
        }
    }

    /// <summary>The migrations the database has not applied yet, oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var applied = (await AppliedAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(id => !applied.Contains(id))];
    }

    /// <summary>
    /// Applies the pending migrations up to <paramref name="target"/> (a name or id; default the latest), one by one, while
    /// holding the migration lock. Returns the ids it applied: none when another instance got there first. A database
    /// with no history whose tables create_db made before the first migration adopts them as that migration
    /// (<see cref="MigrationBaseline"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> UpgradeAsync(string? target, Func<string, Task> report, CancellationToken cancellationToken)
    {
        var targetId = target is null ? null : Resolve(target);

        // Nothing to apply is the usual case (every start with migrate_on_startup, every create_db): found without
        // creating, locking or waiting. Applied migrations only grow, so the answer holds; otherwise it is asked again
        // under the lock.
        if ((await PendingAsync(cancellationToken)).Count == 0)
        {
            return [];
        }

        await SchemaCreator.CreateDatabaseAsync(bind.Engine, cancellationToken);
        await using var migrationLock = await LockAsync(report, cancellationToken);
        var pending = await PendingAsync(cancellationToken);
        var applied = new List<string>();
        if (pending.Count == All.Count && await UseAsync(session => MigrationBaseline.AdoptAsync(bind, session, All[0], cancellationToken)))
        {
            await report($"adopted the existing tables as {All[0]}: create_db made them before that migration, exactly as it creates them");
            applied.Add(All[0]);
            pending = [.. pending.Skip(1)];
        }

        foreach (var id in targetId is null ? pending : pending.TakeWhile(id => string.CompareOrdinal(id, targetId) <= 0))
        {
            await report($"applying {id}…");
            await UseAsync(session => session.GetService<IMigrator>().MigrateAsync(id, cancellationToken));
            applied.Add(id);
        }

        return applied;
    }

    /// <summary>
    /// Reverts the applied migrations after <paramref name="target"/> (a name or id, or <see cref="Initial"/> for all;
    /// default: the last one), newest first, while holding the migration lock. Returns the ids it reverted.
    /// </summary>
    public async Task<IReadOnlyList<string>> DowngradeAsync(string? target, Func<string, Task> report, CancellationToken cancellationToken)
    {
        await using var migrationLock = await LockAsync(report, cancellationToken);
        var applied = await AppliedAsync(cancellationToken);
        var targetId = target switch
        {
            null => applied.Count > 1 ? applied[^2] : Initial,
            Initial => Initial,
            _ => Resolve(target),
        };
        var reverted = applied.Where(id => targetId == Initial || string.CompareOrdinal(id, targetId) > 0).Reverse().ToList();
        if (reverted.Count > 0)
        {
            await report($"reverting {string.Join(", ", reverted)}…");
            await UseAsync(session => session.GetService<IMigrator>().MigrateAsync(targetId, cancellationToken));
        }

        return reverted;
    }

    /// <summary>The SQL of the pending migrations up to <paramref name="target"/>, in idempotent form (safe to run on any state).</summary>
    public string Script(string? target) =>
        Use(session => session.GetService<IMigrator>().GenerateScript(null, target is null ? null : Resolve(target), MigrationsSqlGenerationOptions.Idempotent));

    /// <summary>The operations that would bring the last migration's snapshot to the current model: none when migrations are up to date.</summary>
    public IReadOnlyList<MigrationOperation> ModelChanges() => Use(session =>
    {
        var snapshot = session.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        var last = snapshot is null ? null : session.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var current = session.GetService<IDesignTimeModel>().Model;
        return session.GetService<IMigrationsModelDiffer>().GetDifferences(last?.GetRelationalModel(), current.GetRelationalModel());
    });

    private string Resolve(string nameOrId) => Use(session => session.GetService<IMigrationsAssembly>().FindMigrationId(nameOrId))
        ?? throw new InvalidOperationException($"No migration '{nameOrId}' in bind '{bind.Name}'. Known: {(All.Count == 0 ? "none" : string.Join(", ", All))}.");

    private Task<MigrationLock> LockAsync(Func<string, Task> report, CancellationToken cancellationToken) =>
        MigrationLock.AcquireAsync(bind.Engine, report, cancellationToken);

    private T Use<T>(Func<Session, T> action)
    {
        using var session = bind.CreateSession();
        return action(session);
    }

    private async Task<T> UseAsync<T>(Func<Session, Task<T>> action)
    {
        await using var session = bind.CreateSession();
        return await action(session);
    }

    private async Task UseAsync(Func<Session, Task> action)
    {
        await using var session = bind.CreateSession();
        await action(session);
    }
}
