using Fwk.Db;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts;

/// <summary>Issues an access token with the account's roles and permissions (read in two queries) and a refresh token of the login's family.</summary>
internal sealed class TokenIssuer(Session db, AccessTokens access, RefreshTokens refresh, AccountSettings settings)
{
    public async Task<TokenPair> IssueAsync(AccountUser user, Guid family, CancellationToken cancellationToken)
    {
        var roleIds = db.Set<IdentityUserRole<Guid>>().Where(ur => ur.UserId == user.Id).Select(ur => ur.RoleId);
        var roles = await db.Set<AccountRole>().Where(r => roleIds.Contains(r.Id)).Select(r => r.Name!).ToListAsync(cancellationToken);
        var permissions = await db.Set<IdentityUserClaim<Guid>>()
            .Where(c => c.UserId == user.Id && c.ClaimType == AccountClaims.Permission).Select(c => c.ClaimValue!)
            .Union(db.Set<IdentityRoleClaim<Guid>>().Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == AccountClaims.Permission).Select(c => c.ClaimValue!))
            .ToListAsync(cancellationToken);
        var token = access.Create(user, roles, permissions);
        return new TokenPair(token, "Bearer", (int)settings.AccessTokenLifetime.TotalSeconds, refresh.Issue(user.Id, family));
    }
}
