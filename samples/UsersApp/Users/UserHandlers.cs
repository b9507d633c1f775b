using Fwk;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;

namespace Sample.Users;

/// <summary>The <c>/users</c> handlers. Changes are saved by the framework after the handler succeeds.</summary>
internal static class UserHandlers
{
    public static async Task<IResult> ListAsync([AsParameters] Paging paging, Session db, CancellationToken cancellationToken)
    {
        var users = db.Set<User>().AsNoTracking();
        var count = await users.CountAsync(cancellationToken);
        var items = await users.OrderBy(u => u.Id).Skip(paging.Skip).Take(paging.Take).ToListAsync(cancellationToken);
        return Respond.Success(new Page<User>(count, items));
    }

    public static async Task<IResult> GetAsync(int id, Session db, CancellationToken cancellationToken) =>
        Respond.Success(await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken));

    public static async Task<IResult> CreateAsync(UserInput input, Session db, CancellationToken cancellationToken)
    {
        var user = new User { Name = input.Name!, Email = input.Email! };
        db.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return Respond.Created(user, $"/users/{user.Id}");
    }

    public static async Task<IResult> ReplaceAsync(int id, UserInput input, Session db, CancellationToken cancellationToken)
    {
        var user = await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        user.Name = input.Name!;
        user.Email = input.Email!;
        return Respond.Success(user);
    }

    public static async Task<IResult> UpdateAsync(int id, UserPatch patch, Session db, CancellationToken cancellationToken)
    {
        var user = await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        user.Name = patch.Name ?? user.Name;
        user.Email = patch.Email ?? user.Email;
        return Respond.Success(user);
    }

    public static async Task<IResult> DeleteAsync(int id, Session db, CancellationToken cancellationToken)
    {
        db.Remove(await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken));
        return Respond.Success();
    }
}
