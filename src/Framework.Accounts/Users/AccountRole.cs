using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>A role (table <c>fwk_account_roles</c>); accounts get roles through Identity's <c>UserManager.AddToRoleAsync</c>.</summary>
public sealed class AccountRole : IdentityRole<Guid>
{
    /// <summary>A new role with a new id.</summary>
    public AccountRole() => Id = Guid.CreateVersion7();

    /// <summary>A new role named <paramref name="name"/>.</summary>
    public AccountRole(string name)
        : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
