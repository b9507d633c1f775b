using System.ComponentModel;
using System.Diagnostics;

namespace Fwk.Cli;

/// <summary>Starts child processes, turning a missing executable into a clear error.</summary>
internal static class ChildProcess
{
    /// <summary>Starts the process described by <paramref name="startInfo"/>.</summary>
    /// <exception cref="InvalidOperationException">The executable could not be started.</exception>
    public static Process Start(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Could not start {startInfo.FileName}: {exception.Message}. Is the .NET SDK installed and `dotnet` on PATH?", exception);
        }
    }
}
