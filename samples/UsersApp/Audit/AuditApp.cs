using System.Text.Json;
using Fwk;
using Fwk.Db;
using Fwk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Sample.Audit;

/// <summary>
/// An audit log in a database of its own (bind <c>audit</c>, <c>[database.audit]</c>): every change any other app saves is
/// recorded as it is saved, without those apps knowing. <c>GET /audit</c> lists the latest entries.
/// </summary>
public sealed class AuditApp : IApp
{
    /// <summary>The bind (config.ini section <c>[database.audit]</c>) the log lives in.</summary>
    public const string Bind = "audit";

    public void Configure(AppBuilder app)
    {
        app.Models.UseBind(Bind).Add<AuditEntryConfiguration>();
        app.Hooks.On(DbEvents.Saving, Record);
        app.Routes.MapGet("/audit", ListAsync).WithTags("audit");
        app.Jobs.Every("audit_purge", "0 3 * * *", PurgeAsync);
    }

    /// <summary>How long audit entries are kept: the nightly purge deletes older ones.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(90);

    // A recurring job: every night at 03:00 UTC, once across all instances.
    private static async Task PurgeAsync([FromKeyedServices(Bind)] Session audit, CancellationToken cancellationToken)
    {
        var before = DateTime.UtcNow - Kept;
        await audit.Set<AuditEntry>().Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    // Runs before each session is saved; the audit session (a later bind) is then saved after the session it records.
    private static void Record(Session saving, [FromKeyedServices(Bind)] Session audit, HttpContext? http)
    {
        if (saving.Bind == Bind)
        {
            return;
        }

        var request = http is null ? null : $"{http.Request.Method} {http.Request.Path}";
        // The framework's own bookkeeping (fwk_jobs, fwk_idempotency_keys) is not the app's data.
        var changed = saving.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !(e.Metadata.GetTableName() ?? "").StartsWith("fwk_", StringComparison.Ordinal))
            .ToList();
        foreach (var entry in changed)
        {
            audit.Add(new AuditEntry
            {
                At = DateTime.UtcNow,
                Request = request,
                Table = entry.Metadata.GetTableName() ?? entry.Metadata.Name,
                Operation = entry.State switch { EntityState.Added => "insert", EntityState.Modified => "update", _ => "delete" },
                Key = entry.State == EntityState.Added ? null : string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => p.OriginalValue)),
                Changes = Changes(entry),
            });
        }
    }

    private static string? Changes(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => JsonSerializer.Serialize(entry.Properties.Where(p => !p.IsTemporary).ToDictionary(p => p.Metadata.GetColumnName(), p => p.CurrentValue)),
        EntityState.Modified => JsonSerializer.Serialize(entry.Properties.Where(p => p.IsModified).ToDictionary(p => p.Metadata.GetColumnName(), p => new[] { p.OriginalValue, p.CurrentValue })),
        _ => null,
    };

    private static async Task<SuccessResult<List<AuditEntry>>> ListAsync([FromKeyedServices(Bind)] ReadSession audit, CancellationToken cancellationToken, int limit = 20) =>
        Respond.Success(await audit.Set<AuditEntry>().OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 100)).ToListAsync(cancellationToken));
}
