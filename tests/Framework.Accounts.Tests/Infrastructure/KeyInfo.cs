namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>An API key as <c>GET /auth/api-keys</c> lists it.</summary>
public sealed record KeyInfo(Guid Id, string Name, List<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);
