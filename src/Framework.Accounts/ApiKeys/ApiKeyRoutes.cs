using System.Security.Claims;
using Fwk.Db;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts;

/// <summary>
/// <c>/auth/api-keys</c>: the account holder creates keys for machine clients, lists them and revokes them (an API key
/// itself may not: <see cref="AccountHolderPolicy"/>). A key's scopes must be permissions the account has.
/// </summary>
internal static class ApiKeyRoutes
{
    /// <summary><c>POST /auth/api-keys</c>: 201 with the key, shown this once; saved with the request.</summary>
    public static async Task<IResult> CreateAsync(
        ApiKeyInput input, ClaimsPrincipal principal, UserManager<AccountUser> users, Session db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (Answers.Missing(("name", input.Name)) is { } missing)
        {
            return missing;
        }

        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Answers.Unauthorized(http, AccountErrorCodes.Unauthenticated);
        }

        var scopes = (input.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        var held = await AccountGrants.PermissionsAsync(db, user.Id, cancellationToken);
        if (Invalid(input, scopes, held) is { } invalid)
        {
            return Respond.ErrorWithData(ErrorCodes.ValidationFailed, invalid);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var (key, hash) = ApiKeySecret.Create(id);
        var record = new ApiKeyRecord
        {
            Id = id,
            UserId = user.Id,
            Name = input.Name!,
            Scopes = scopes,
            SecretHash = hash,
            OwnerStamp = user.SecurityStamp ?? string.Empty,
            CreatedAt = now,
            ExpiresAt = input.ExpiresDays is { } days ? now.AddDays(days) : null,
        };
        db.Add(record);
        return Respond.Created(new CreatedApiKey(id, record.Name, scopes, now, record.ExpiresAt, key), "/auth/api-keys");
    }

    /// <summary><c>GET /auth/api-keys</c>: the caller's keys, newest first, without secrets.</summary>
    public static async Task<IResult> ListAsync(ClaimsPrincipal principal, UserManager<AccountUser> users, Session db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Answers.Unauthorized(http, AccountErrorCodes.Unauthenticated);
        }

        var now = time.GetUtcNow();
        var keys = await db.Set<ApiKeyRecord>().AsNoTracking().Where(k => k.UserId == user.Id).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return Respond.Success(keys.Select(k => new ApiKeyInfo(
            k.Id, k.Name, k.Scopes, k.CreatedAt, k.ExpiresAt, k.RevokedAt,
            Active: k.RevokedAt is null && !(k.ExpiresAt <= now) && string.Equals(k.OwnerStamp, user.SecurityStamp, StringComparison.Ordinal))).ToList());
    }

    /// <summary>
    /// <c>DELETE /auth/api-keys/{id}</c>: revokes one of the caller's keys at once (again: still success);
    /// <see cref="AccountErrorCodes.ApiKeyNotFound"/> for a key that is not the caller's.
    /// </summary>
    public static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal principal, Session db, TimeProvider time, CancellationToken cancellationToken)
    {
        var owner = Guid.Parse(principal.FindFirstValue(AccountClaims.Subject)!);
        var own = db.Set<ApiKeyRecord>().Where(k => k.Id == id && k.UserId == owner);
        var now = time.GetUtcNow();
        var revoked = await own.Where(k => k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return revoked > 0 || await own.AnyAsync(cancellationToken) ? Respond.Success() : Respond.Error(AccountErrorCodes.ApiKeyNotFound, id);
    }

    private static Dictionary<string, string[]>? Invalid(ApiKeyInput input, List<string> scopes, List<string> held)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.Name!.Length > ApiKeyInput.MaxNameLength)
        {
            problems["name"] = [$"The name is at most {ApiKeyInput.MaxNameLength} characters."];
        }

        if (input.ExpiresDays is < 1 or > ApiKeyInput.MaxExpiresDays)
        {
            problems["expires_days"] = [$"expires_days is from 1 to {ApiKeyInput.MaxExpiresDays}."];
        }

        if (scopes.Where(s => !held.Contains(s, StringComparer.Ordinal)).ToList() is { Count: > 0 } notHeld)
        {
            problems["scopes"] = [.. notHeld.Select(s => $"The account does not have the permission '{s}'.")];
        }

        return problems.Count == 0 ? null : problems;
    }
}
