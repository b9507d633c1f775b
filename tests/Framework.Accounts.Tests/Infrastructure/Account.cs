namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>An account as register and /auth/me answer it.</summary>
public sealed record Account(Guid Id, string Email, List<string> Roles);
