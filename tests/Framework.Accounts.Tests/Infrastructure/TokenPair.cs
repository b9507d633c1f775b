namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>What login, refresh and a password change answer.</summary>
public sealed record TokenPair(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);
