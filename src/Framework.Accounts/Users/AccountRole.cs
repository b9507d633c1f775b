using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// A role (table <c>fwk_account_roles</c>), keyed by a UUID made when it is added to the session; accounts get roles through
/// Identity's <c>UserManager.AddToRoleAsync</c>, or rows of <c>IdentityUserRole&lt;Guid&gt;</c>.
/// </summary>
public sealed class AccountRole : IdentityRole<Guid>
{
    /// <summary>A role with no name yet (for EF Core and Identity).</summary>
    public AccountRole()
    {
    }

    /// <summary>A role named <paramref name="name"/>.</summary>
    public AccountRole(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
