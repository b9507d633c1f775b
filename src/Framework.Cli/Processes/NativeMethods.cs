using System.Runtime.InteropServices;

namespace Fwk.Cli;

/// <summary>The one system call .NET has no API for: sending a signal other than SIGKILL to another process.</summary>
internal static class NativeMethods
{
    /// <summary>Sends <paramref name="signal"/> to process <paramref name="processId"/> (Unix only).</summary>
    public static void SendSignal(int processId, PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGHUP => 1,
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            _ => 15,
        };
        _ = Kill(processId, number);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);
}
