namespace Fwk.Db.Local;

/// <summary>The state of a managed local PostgreSQL cluster.</summary>
internal enum LocalPostgresState
{
    /// <summary>No cluster yet: the data directory has not been created by <c>initdb</c>.</summary>
    NotInitialised,

    /// <summary>The cluster exists but no server is running on it.</summary>
    Stopped,

    /// <summary>A server is running on the cluster.</summary>
    Running,
}

/// <summary>What <see cref="LocalPostgres.StatusAsync"/> reports.</summary>
/// <param name="State">Whether the cluster exists and whether its server runs.</param>
/// <param name="DataDirectory">The cluster's data directory.</param>
/// <param name="SocketDirectory">The directory of the server's Unix socket (the Npgsql <c>Host</c>).</param>
/// <param name="Port">The port number of the socket (<c>.s.PGSQL.&lt;port&gt;</c>); no TCP listener is opened.</param>
internal sealed record LocalPostgresStatus(LocalPostgresState State, string DataDirectory, string SocketDirectory, int Port)
{
    /// <summary>A one-line, human-readable description, as <c>fwk db status</c> prints it.</summary>
    public override string ToString() => State switch
    {
        LocalPostgresState.NotInitialised => $"not initialised (data directory {DataDirectory} does not exist yet)",
        LocalPostgresState.Stopped => $"stopped (data directory {DataDirectory})",
        _ => $"running (socket {SocketDirectory}, port {Port}, data directory {DataDirectory})",
    };
}
