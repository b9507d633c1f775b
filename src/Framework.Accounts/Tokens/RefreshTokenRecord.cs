namespace Fwk.Accounts;

/// <summary>
/// A refresh token as stored: its SHA-256 hash only (the token itself is given to the client once). Tokens rotated from
/// one login share a family; a rotated token sent again revokes the family.
/// </summary>
internal sealed class RefreshTokenRecord
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public Guid FamilyId { get; set; }

    public byte[] TokenHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was exchanged for the next token of its family; a used token is refused.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>When logout, logout-all, a password change or detected reuse revoked it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
