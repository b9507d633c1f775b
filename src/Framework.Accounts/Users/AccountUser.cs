using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// An account (table <c>fwk_account_users</c>): ASP.NET Core Identity's user, keyed by a UUID (made when it is added to the
/// session), its user name its email.
/// </summary>
public sealed class AccountUser : IdentityUser<Guid>;
