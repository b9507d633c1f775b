namespace Fwk.Db.Tests.Infrastructure;

/// <summary>
/// A primary and a streaming standby of it (<c>pg_basebackup -R</c>), each a throwaway cluster of its own, for the read
/// replica tests. Tests may stop the standby; they start it again before they end.
/// </summary>
public sealed class ReplicationFixture : IAsyncLifetime
{
    private TemporaryCluster? _primary;
    private TemporaryCluster? _standby;

    internal TemporaryCluster Primary => _primary ?? throw new InvalidOperationException("Not initialised.");

    internal TemporaryCluster Standby => _standby ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The <c>replicas</c> entry of the standby: its socket directory and port.</summary>
    public string StandbyEntry => $"{Standby.Cluster.SocketDirectory}:{Standby.Cluster.Port}";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _primary = await TemporaryCluster.StartAsync(port: 5441);
        _standby = await TemporaryCluster.StartAsync(port: 5442, primary: _primary.Cluster);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }

        if (_primary is not null)
        {
            await _primary.DisposeAsync();
        }
    }
}
