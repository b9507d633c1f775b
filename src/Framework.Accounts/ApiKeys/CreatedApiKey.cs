namespace Fwk.Accounts;

/// <summary>What <c>POST /auth/api-keys</c> answers: the key itself (<c>key</c>, shown this once only) and what it may do.</summary>
internal sealed record CreatedApiKey(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Key);
