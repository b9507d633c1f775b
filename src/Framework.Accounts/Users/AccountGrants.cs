using Fwk.Db;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts;

/// <summary>An account's roles, and its permissions: its own <see cref="AccountClaims.Permission"/> claims and its roles'.</summary>
internal static class AccountGrants
{
    public static Task<List<string>> RolesAsync(Session db, Guid userId, CancellationToken cancellationToken)
    {
        var roleIds = RoleIds(db, userId);
        return db.Set<AccountRole>().Where(r => roleIds.Contains(r.Id)).Select(r => r.Name!).ToListAsync(cancellationToken);
    }

    public static Task<List<string>> PermissionsAsync(Session db, Guid userId, CancellationToken cancellationToken)
    {
        var roleIds = RoleIds(db, userId);
        return db.Set<IdentityUserClaim<Guid>>()
            .Where(c => c.UserId == userId && c.ClaimType == AccountClaims.Permission).Select(c => c.ClaimValue!)
            .Union(db.Set<IdentityRoleClaim<Guid>>().Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == AccountClaims.Permission).Select(c => c.ClaimValue!))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Guid> RoleIds(Session db, Guid userId) =>
        db.Set<IdentityUserRole<Guid>>().Where(ur => ur.UserId == userId).Select(ur => ur.RoleId);
}
