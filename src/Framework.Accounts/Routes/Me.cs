using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary><c>GET /auth/me</c>: the account of the access token, with its roles.</summary>
internal static class Me
{
    public static async Task<IResult> GetAsync(ClaimsPrincipal principal, UserManager<AccountUser> users, HttpContext http) =>
        await users.GetUserAsync(principal) is { } user
            ? Respond.Success(new AccountInfo(user.Id, user.Email!, [.. await users.GetRolesAsync(user)]))
            : Answers.Unauthorized(http, AccountErrorCodes.Unauthenticated);
}
