using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fwk.Db;

/// <summary>
/// Whether a save is only inserts that EF Core sends as one batch: Npgsql sends a batch with a single Sync, so
/// PostgreSQL runs it in one implicit transaction (a failing statement rolls back the others), and EF Core's own
/// BEGIN … COMMIT would only add a round trip (a request that adds a row and enqueues a job pays one, not two). Updates
/// and deletes keep EF Core's transaction: their affected-row checks run after the batch. Inserts that need a key another
/// of them generates, or an entity stored in several tables, are split into several batches by EF Core: they keep it too.
/// </summary>
internal static class OneBatch
{
    /// <summary>Far below the provider's batch size (1000 statements), so the save is certainly not split.</summary>
    private const int MaxRows = 100;

    public static bool Holds(ChangeTracker changes)
    {
        var rows = 0;
        foreach (var entry in changes.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State != EntityState.Added || ++rows > MaxRows || entry.Metadata.GetTableMappings().Skip(1).Any()
                || entry.Properties.Any(p => p.IsTemporary && p.Metadata.IsForeignKey()))
            {
                return false;
            }
        }

        // One row is one statement: EF Core sends it without a transaction already.
        return rows > 1;
    }
}
