using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fwk.Jobs;

/// <summary>
/// Wakes workers: this instance's at once, every instance's through PostgreSQL's NOTIFY on channel <c>fwk_jobs</c> (one
/// notification covers every wake that arrived while the previous one was sent and in the 5 ms after it, so a burst of
/// requests costs a few).
/// The listener turns other instances' notifications into local wakes. With <c>[jobs] notify = false</c> (poolers that
/// drop LISTEN) nothing is sent and workers poll every <c>poll_interval</c>.
/// </summary>
internal sealed partial class JobSignal(JobStore store, ILogger<JobSignal> logger) : IDisposable
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least time between two NOTIFYs: under load, wakes arrive faster than notifications return, and sending them
    /// back to back kept a core busy for nothing (other instances need one wake per burst, not one per request).
    /// </summary>
    private static readonly TimeSpan NotifyGap = TimeSpan.FromMilliseconds(5);

    private readonly Channel<bool> _local = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _notify = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopNotifier = new();
    private volatile bool _notifying;
    private Task? _notifier;

    /// <summary>New jobs are committed: wake this instance's workers and tell the others.</summary>
    public void Wake()
    {
        _local.Writer.TryWrite(true);
        if (_notifying)
        {
            _notify.Writer.TryWrite(true);
        }
    }

    /// <summary>Wake this instance's workers only (a slot came free, another instance notified).</summary>
    public void WakeLocal() => _local.Writer.TryWrite(true);

    /// <summary>Waits for a wake, at most <paramref name="timeout"/> (the poll interval).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_local.Reader.TryRead(out _))
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _local.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look anyway.
        }
    }

    /// <summary>Starts sending a NOTIFY for each batch of wakes, until <see cref="StopNotifierAsync"/>.</summary>
    public void StartNotifier()
    {
        _notifying = true;
        _notifier = Task.Run(() => NotifyAsync(_stopNotifier.Token), CancellationToken.None);
    }

    /// <summary>Sends what is pending, then stops notifying (at shutdown, after the workers stopped).</summary>
    public async Task StopNotifierAsync()
    {
        if (_notifier is null)
        {
            return;
        }

        _notifying = false;
        _notify.Writer.TryComplete();
        await _notifier.WaitAsync(Reconnect).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopNotifier.CancelAsync();
    }

    /// <summary>LISTENs on a connection of its own, reconnecting after failures, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunListenerAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand(JobSql.Listen, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                WakeLocal(); // jobs may have come while no one listened
                try
                {
                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken);
                    }
                }
                finally
                {
                    connection.Notification -= OnNotification;
                    await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
                    await ((Task)unlisten.ExecuteNonQueryAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailure.Is(exception))
            {
                LogListenFailed(logger, exception.Message);
                await Task.Delay(Reconnect, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public void Dispose() => _stopNotifier.Dispose();

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _notify.Reader.WaitToReadAsync(cancellationToken))
            {
                _notify.Reader.TryRead(out _);
                try
                {
                    await store.NotifyAsync(cancellationToken);
                }
                catch (Exception exception) when (DatabaseFailure.Is(exception))
                {
                    LogNotifyFailed(logger, exception.Message);
                }

                await Task.Delay(NotifyGap, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e) => WakeLocal();

    [LoggerMessage(Level = LogLevel.Debug, Message = "NOTIFY for new jobs failed ({Reason}); workers poll meanwhile.")]
    private static partial void LogNotifyFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for new jobs failed ({Reason}); polling until it reconnects.")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}
