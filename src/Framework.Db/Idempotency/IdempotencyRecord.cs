namespace Fwk.Db;

/// <summary>
/// A request that came with an <c>Idempotency-Key</c>, and the response it got: saved in the same transaction as the
/// handler's changes, so the key exists exactly when they do. Table <c>fwk_idempotency_keys</c> of the default bind.
/// </summary>
internal sealed class IdempotencyRecord
{
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path, query and body: a key sent again with another request is refused (1011).</summary>
    public required string RequestHash { get; set; }

    public int Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public required byte[] Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>After this (<c>[database] idempotency_expiry</c> after it was saved) the key may be used again.</summary>
    public DateTime ExpiresAt { get; set; }
}
