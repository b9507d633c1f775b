namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>A clock the test moves: the real time plus what <see cref="Advance"/> added.</summary>
internal sealed class ManualClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
