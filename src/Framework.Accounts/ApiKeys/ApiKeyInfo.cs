namespace Fwk.Accounts;

/// <summary>
/// An API key as <c>GET /auth/api-keys</c> lists it (never its secret); <c>active</c> is false once it is revoked, expired,
/// or ended by its owner's security stamp renewal.
/// </summary>
internal sealed record ApiKeyInfo(
    Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);
