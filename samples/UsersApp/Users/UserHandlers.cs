using System.Security.Claims;
using Fwk;
using Fwk.Accounts;
using Fwk.Db;
using Fwk.Jobs;
using Microsoft.AspNetCore.Identity;

namespace Sample.Users;

/// <summary>
/// The <c>/users</c> handlers. Reads take a <see cref="ReadSession"/> (no tracking; Fwk's fast path); writes take the
/// <see cref="Session"/>, whose changes the framework saves after the handler succeeds. Each declares the result it
/// returns, which describes the route in the OpenAPI document (201 and the user's schema for POST); errors are thrown.
/// </summary>
internal static class UserHandlers
{
    public static async Task<SuccessResult<Page<User>>> ListAsync([AsParameters] Paging paging, ReadSession db, CancellationToken cancellationToken) =>
        Respond.Success(await db.PageAsync<User>(paging.Skip, paging.Take, cancellationToken));

    public static async Task<SuccessResult<User>> GetAsync(int id, ReadSession db, CancellationToken cancellationToken) =>
        Respond.Success(await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken));

    public static async Task<CreatedResult<User>> CreateAsync(UserInput input, Session db, JobQueue jobs, UsersSettings settings, CancellationToken cancellationToken)
    {
        var user = new User { Name = input.Name!, Email = input.Email! };
        db.Add(user);

        // Saved with the user, in the same batch (one round trip, one transaction): no user without their mail, or mail
        // without its user. (jobs.Enqueue(() => new WelcomeMail(user.Id)) could wait for the generated id, at the cost of
        // a transaction of its own: two round trips more.)
        if (settings.WelcomeMail)
        {
            jobs.Enqueue(new WelcomeMail(user.Email));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Respond.Created(user, $"/users/{user.Id}");
    }

    public static async Task<SuccessResult<User>> ReplaceAsync(int id, UserInput input, Session db, CancellationToken cancellationToken)
    {
        var user = await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        user.Name = input.Name!;
        user.Email = input.Email!;
        return Respond.Success(user);
    }

    public static async Task<SuccessResult<User>> UpdateAsync(int id, UserPatch patch, Session db, CancellationToken cancellationToken)
    {
        var user = await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        user.Name = patch.Name ?? user.Name;
        user.Email = patch.Email ?? user.Email;
        return Respond.Success(user);
    }

    /// <summary>Only the account with the user's email, or one with the admin role, may delete a user; others get 403.</summary>
    public static async Task<SuccessResult> DeleteAsync(
        int id, Session db, ClaimsPrincipal caller, UserManager<AccountUser> accounts, CancellationToken cancellationToken)
    {
        var user = await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        if (!caller.IsInRole(UsersApp.AdminRole)
            && !string.Equals((await accounts.GetUserAsync(caller))?.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new FwkException(AccountErrorCodes.Forbidden);
        }

        db.Remove(user);
        return Respond.Success();
    }
}
