using Fwk.Db;

namespace Fwk.Accounts;

/// <summary>Issues an access token with the account's roles and permissions (read in two queries) and a refresh token of the login's family.</summary>
internal sealed class TokenIssuer(Session db, AccessTokens access, RefreshTokens refresh, AccountSettings settings)
{
    public async Task<TokenPair> IssueAsync(AccountUser user, Guid family, CancellationToken cancellationToken)
    {
        var roles = await AccountGrants.RolesAsync(db, user.Id, cancellationToken);
        var permissions = await AccountGrants.PermissionsAsync(db, user.Id, cancellationToken);
        var token = access.Create(user, roles, permissions);
        return new TokenPair(token, "Bearer", (int)settings.AccessTokenLifetime.TotalSeconds, refresh.Issue(user.Id, family));
    }
}
