using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Fwk.Cli;

/// <summary>
/// While alive, keeps fwk running on SIGINT, SIGTERM, SIGQUIT and SIGHUP and passes each signal on to the child, so
/// the app shuts down gracefully (its shutdown hooks run) and fwk exits with the app's exit code once it has.
/// On a terminal the app also gets Ctrl+C directly; a second SIGINT is harmless to an ASP.NET Core host.
/// </summary>
internal sealed class SignalForwarder : IDisposable
{
    private static readonly PosixSignal[] Forwarded = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP];

    private readonly Process _child;
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <summary>
    /// Lets fwk (and the app it starts) hear SIGINT and SIGQUIT when it inherited them ignored, as a command started in
    /// the background by a script does: <c>kill -INT</c> then stops the app as Ctrl+C does. Call first thing in Main,
    /// before .NET's signal handling starts (it never handles a signal ignored at that point).
    /// </summary>
    public static void HearInheritedIgnoredSignals()
    {
        if (!OperatingSystem.IsWindows())
        {
            NativeMethods.StopIgnoring(PosixSignal.SIGINT);
            NativeMethods.StopIgnoring(PosixSignal.SIGQUIT);
        }
    }

    /// <summary>Starts forwarding to <paramref name="child"/>.</summary>
    public SignalForwarder(Process child)
    {
        _child = child;
        foreach (var signal in Forwarded)
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, Forward));
            }
            catch (PlatformNotSupportedException)
            {
                // Windows has no SIGQUIT/SIGHUP; Ctrl+C reaches the child through the shared console anyway.
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Forward(PosixSignalContext context)
    {
        context.Cancel = true;
        try
        {
            if (_child.HasExited)
            {
                return;
            }

            if (OperatingSystem.IsWindows())
            {
                if (context.Signal != PosixSignal.SIGINT)
                {
                    _child.Kill(entireProcessTree: true);
                }

                return;
            }

            NativeMethods.SendSignal(_child.Id, context.Signal);
        }
        catch (InvalidOperationException)
        {
            // The child exited meanwhile.
        }
    }
}
