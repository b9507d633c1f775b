using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Fwk.Cli.Tests.Infrastructure;

/// <summary>SIGTERM and SIGINT by PID, and a free loopback port.</summary>
public static class Signals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    public static void Terminate(int processId) => _ = Kill(processId, SigTerm);

    public static void Interrupt(int processId) => _ = Kill(processId, SigInt);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);
}
