namespace Fwk.Accounts;

/// <summary>An account as register and <c>GET /auth/me</c> answer it.</summary>
internal sealed record AccountInfo(Guid Id, string Email, IReadOnlyList<string> Roles);
