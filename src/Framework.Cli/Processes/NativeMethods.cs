using System.Runtime.InteropServices;

namespace Fwk.Cli;

/// <summary>The system calls .NET has no API for: sending a signal other than SIGKILL, and un-ignoring an inherited ignored signal.</summary>
internal static class NativeMethods
{
    private static readonly IntPtr _defaultAction = IntPtr.Zero; // SIG_DFL
    private static readonly IntPtr _ignoreAction = new(1); // SIG_IGN

    /// <summary>Sends <paramref name="signal"/> to process <paramref name="processId"/> (Unix only).</summary>
    public static void SendSignal(int processId, PosixSignal signal) => _ = Kill(processId, Number(signal));

    /// <summary>
    /// Gives <paramref name="signal"/> its default action back when this process inherited it ignored (Unix only); a
    /// signal with a handler or its default action is left alone. .NET never handles a signal that is ignored when its
    /// signal handling starts, nor does a child it starts, so this must run before any Console or Process use.
    /// </summary>
    public static void StopIgnoring(PosixSignal signal)
    {
        // struct sigaction starts with the handler on Linux and macOS; the buffer is larger than the whole struct.
        var current = new long[32];
        var number = Number(signal);
        if (SigAction(number, IntPtr.Zero, current) == 0 && new IntPtr(current[0]) == _ignoreAction)
        {
            _ = Signal(number, _defaultAction);
        }
    }

    private static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);

    [DllImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SigAction(int signal, IntPtr action, [Out] long[] oldAction);

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr Signal(int signal, IntPtr handler);
}
