using System.Threading.RateLimiting;

namespace Fwk.Accounts;

/// <summary>
/// The in-memory fixed windows (one minute) of the rate-limited account routes, one per route and client address and one per
/// route and account name, on System.Threading.RateLimiting (what ASP.NET Core's rate limiting middleware runs). A partition
/// idle for a while is dropped, so memory follows the clients of the last minutes. Per instance: N instances take N times
/// the limit.
/// </summary>
internal sealed class AuthRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<RateLimitPartitionKey> _limiter = PartitionedRateLimiter.Create<RateLimitPartitionKey, RateLimitPartitionKey>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.Limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>
    /// Takes a permit of <paramref name="limit"/> for the client <paramref name="address"/> and, when one is named, the
    /// normalized <paramref name="account"/>: null when both are granted, else how long until the refusing window ends.
    /// </summary>
    public TimeSpan? TryAcquire(RateLimit limit, string address, string? account)
    {
        if (Refused(new(limit.Route, "address", address, limit.PerAddress)) is { } addressWait)
        {
            return addressWait;
        }

        return account is null ? null : Refused(new(limit.Route, "account", account, limit.PerAccount));
    }

    public void Dispose() => _limiter.Dispose();

    private TimeSpan? Refused(RateLimitPartitionKey key)
    {
        if (key.Limit == 0)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }
}
