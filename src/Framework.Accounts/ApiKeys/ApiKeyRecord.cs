namespace Fwk.Accounts;

/// <summary>
/// An API key as stored: the SHA-256 hash of its secret only (the key itself is shown once, when it is created), its
/// scopes, and the owner's security stamp at creation, so renewing the stamp (logout-all, a password change) ends it.
/// </summary>
internal sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The permissions the key may use (each one the owner had when it was created, and still has when it is used).</summary>
    public List<string> Scopes { get; set; } = [];

    public byte[] SecretHash { get; set; } = [];

    public string OwnerStamp { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working; null: never.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When its owner revoked it (<c>DELETE /auth/api-keys/{id}</c>).</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
