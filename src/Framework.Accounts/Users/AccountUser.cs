using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>An account (table <c>fwk_account_users</c>): ASP.NET Core Identity's user, keyed by a UUID, its user name its email.</summary>
public sealed class AccountUser : IdentityUser<Guid>
{
    /// <summary>A new account with a new id (UUID v7, so ids follow creation order in the index).</summary>
    public AccountUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }
}
