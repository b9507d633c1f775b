using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts;

/// <summary>
/// Refresh tokens: 256 random bits, stored as SHA-256 hashes, valid <c>[auth] refresh_token_days</c> (default 14) from
/// their issue. Each is exchanged once: the exchange is claimed with one conditional UPDATE, so two requests with one
/// token cannot both rotate it, and a token sent again after its exchange revokes every token of its family (a thief
/// and the owner both lose the session). Revocations are written at once (not with the request's save), so they hold
/// even when the request answers an error.
/// </summary>
internal sealed class RefreshTokens(Session db, AccountSettings settings, TimeProvider time)
{
    private DbSet<RefreshTokenRecord> Records => db.Set<RefreshTokenRecord>();

    /// <summary>A new token of <paramref name="family"/> for <paramref name="userId"/>, saved with the request.</summary>
    public string Issue(Guid userId, Guid family)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        Records.Add(new RefreshTokenRecord
        {
            UserId = userId,
            FamilyId = family,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + settings.RefreshTokenLifetime,
        });
        return token;
    }

    /// <summary>Claims <paramref name="token"/> for its one exchange: its record, or null when it is refused (unknown, expired, revoked, reused).</summary>
    public async Task<RefreshTokenRecord?> RedeemAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await FindAsync(token, cancellationToken);
        if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now)
        {
            return null;
        }

        var claimed = await Records.Where(r => r.Id == record.Id && r.UsedAt == null && r.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(record.FamilyId, cancellationToken);
            return null;
        }

        return record;
    }

    /// <summary>The record of <paramref name="token"/>, untracked, or null.</summary>
    public Task<RefreshTokenRecord?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        return Records.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
    }

    public Task<int> RevokeFamilyAsync(Guid family, CancellationToken cancellationToken) =>
        Revoke(Records.Where(r => r.FamilyId == family), cancellationToken);

    public Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken) =>
        Revoke(Records.Where(r => r.UserId == userId), cancellationToken);

    /// <summary>Deletes the account's expired tokens (a login does this, so rows do not pile up); reuse of an expired token is refused anyway.</summary>
    public Task<int> DeleteExpiredAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Records.Where(r => r.UserId == userId && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private Task<int> Revoke(IQueryable<RefreshTokenRecord> records, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return records.Where(r => r.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, now), cancellationToken);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
