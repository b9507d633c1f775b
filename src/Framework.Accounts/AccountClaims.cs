namespace Fwk.Accounts;

/// <summary>The claim types of Fwk's access tokens (JWT claim names, kept as they are: no mapping to WS-* URIs).</summary>
public static class AccountClaims
{
    /// <summary>The account's id (<c>sub</c>).</summary>
    public const string Subject = "sub";

    /// <summary>A role of the account, one claim per role (from Identity's roles).</summary>
    public const string Role = "role";

    /// <summary>
    /// A permission, one claim per permission: the account's own claims of this type and those of its roles (Identity's user
    /// and role claims). <c>RequirePermission("reports.read")</c> checks it.
    /// </summary>
    public const string Permission = "permission";

    /// <summary>The account's security stamp when the token was issued; a token whose stamp is no longer current is refused.</summary>
    public const string SecurityStamp = "stamp";

    /// <summary>
    /// On a principal authenticated by an API key only: the key's id. Such a principal has no roles and, as permissions,
    /// the key's scopes; routes that manage the account (API keys, logout-all, password) refuse it with 403.
    /// </summary>
    public const string ApiKey = "api_key";
}
