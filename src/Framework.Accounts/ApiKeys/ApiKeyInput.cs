namespace Fwk.Accounts;

/// <summary>The body of <c>POST /auth/api-keys</c>: <c>{"name": …, "scopes": [permissions], "expires_days": n}</c> (no <c>expires_days</c>: never expires).</summary>
internal sealed record ApiKeyInput(string? Name, List<string>? Scopes, int? ExpiresDays)
{
    public const int MaxNameLength = 100;

    public const int MaxExpiresDays = 3650;
}
