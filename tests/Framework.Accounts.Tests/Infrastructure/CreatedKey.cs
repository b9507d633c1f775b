namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>What <c>POST /auth/api-keys</c> answers.</summary>
public sealed record CreatedKey(Guid Id, string Name, List<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Key);
