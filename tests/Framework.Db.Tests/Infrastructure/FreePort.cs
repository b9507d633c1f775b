using System.Net;
using System.Net.Sockets;

namespace Fwk.Db.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback TCP port nothing listens on (just released by the OS).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
