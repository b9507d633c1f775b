using Microsoft.EntityFrameworkCore;

namespace Fwk.Db;

/// <summary>
/// Fwk.Db's periodic upkeep: deleting expired idempotency keys. It runs every 10 minutes on a timer of its own while the
/// app serves, unless a scheduler takes it over (Fwk.Jobs runs it as a recurring job, once across all instances): the
/// scheduler calls <see cref="TakeOver"/> while apps configure and <see cref="RunAsync"/> on its schedule. A singleton.
/// </summary>
public sealed class DatabaseMaintenance
{
    /// <summary>How often the upkeep should run.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    // Resolved on first run: a scheduler takes the upkeep over while apps configure, before the binds may be built.
    private readonly Func<DatabaseBinds> _binds;

    internal DatabaseMaintenance(Func<DatabaseBinds> binds) => _binds = binds;

    /// <summary>Whether a scheduler took the upkeep over (the built-in timer then does nothing).</summary>
    public bool IsScheduledElsewhere { get; private set; }

    /// <summary>Stops the built-in timer: the caller runs <see cref="RunAsync"/> on its own schedule from now on.</summary>
    public void TakeOver() => IsScheduledElsewhere = true;

    /// <summary>Deletes the expired idempotency keys of the default bind (a repeat after expiry runs its handler again anyway).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var session = _binds().Default.CreateSession();
        await session.Set<IdempotencyRecord>().Where(r => r.ExpiresAt < DateTime.UtcNow).ExecuteDeleteAsync(cancellationToken);
    }
}
