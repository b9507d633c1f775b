namespace Fwk.Accounts;

/// <summary>The body of refresh and logout: <c>{"refresh_token": …}</c>.</summary>
internal sealed record RefreshInput(string? RefreshToken);
