using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Fwk.Cli;

/// <summary>
/// While alive, keeps fwk running on SIGINT, SIGTERM, SIGQUIT and SIGHUP and passes each signal on to the child, so
/// the app shuts down gracefully (its shutdown hooks run) and fwk exits with the app's exit code once it has.
/// On a terminal the app also gets Ctrl+C directly; a second SIGINT is harmless to an ASP.NET Core host.
/// With <c>wholeTree</c>, the child's leaf descendants (the app under <c>dotnet watch</c>) get the signal too, as
/// from a terminal: <c>dotnet watch</c> passes no signal on to the app it runs (its <c>dotnet</c> launcher ignores them).
/// </summary>
internal sealed class SignalForwarder : IDisposable
{
    private static readonly PosixSignal[] Signals = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP];

    private readonly Process _child;
    private readonly bool _wholeTree;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly HashSet<int> _signalled = [];
    private readonly TaskCompletionSource _forwarded = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Starts forwarding to <paramref name="child"/> (and, with <paramref name="wholeTree"/>, to its descendants).</summary>
    public SignalForwarder(Process child, bool wholeTree = false)
    {
        _child = child;
        _wholeTree = wholeTree;
        foreach (var signal in Signals)
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

    /// <summary>Completes when the first signal has been forwarded.</summary>
    public Task Forwarded => _forwarded.Task;

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the descendants a signal was sent to, then kills those still alive
    /// (by id). True when none had to be killed.
    /// </summary>
    public async Task<bool> WaitForSignalledAsync(TimeSpan timeout)
    {
        var stopped = true;
        int[] signalled;
        lock (_signalled)
        {
            signalled = [.. _signalled];
        }

        var deadline = DateTime.UtcNow + timeout;
        foreach (var id in signalled)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                using var wait = new CancellationTokenSource(deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    stopped = false;
                }
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Exited already.
            }
        }

        return stopped;
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
            foreach (var id in _wholeTree ? ProcessTree.Leaves(_child.Id) : [])
            {
                lock (_signalled)
                {
                    _signalled.Add(id);
                }

                NativeMethods.SendSignal(id, context.Signal);
            }

            _forwarded.TrySetResult();
        }
        catch (InvalidOperationException)
        {
            // The child exited meanwhile.
        }
    }
}
