namespace Fwk.Accounts;

/// <summary>What login, refresh and a password change answer: an access token (<c>expires_in</c> seconds) and the refresh token that replaces it.</summary>
internal sealed record TokenPair(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);
