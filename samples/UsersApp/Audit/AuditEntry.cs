namespace Sample.Audit;

/// <summary>One change another app saved: <c>{id, at, request, table, operation, key, changes}</c>.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The request that made it (<c>POST /users</c>), or null outside a request (init_project).</summary>
    public string? Request { get; set; }

    public required string Table { get; set; }

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Operation { get; set; }

    /// <summary>The row's key; null for an insert, whose key the database assigns as it saves.</summary>
    public string? Key { get; set; }

    /// <summary>The values written (insert), the changed values as [old, new] (update), or nothing (delete), as JSON.</summary>
    public string? Changes { get; set; }
}
