using Npgsql;

namespace Fwk.Jobs;

/// <summary>Failures of the queue's own statements that the workers outlive: the database went away, a connection broke or timed out.</summary>
internal static class DatabaseFailure
{
    public static bool Is(Exception exception) =>
        exception is NpgsqlException or TimeoutException or InvalidOperationException { Source: "Npgsql" } or System.Net.Sockets.SocketException;
}
