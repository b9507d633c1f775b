using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>
/// Marks jobs completed in batches (one UPDATE for every job that finished while the previous one ran), for handlers
/// that wrote nothing through the job's session; those that did complete in their own transaction. A batch that fails is
/// kept and tried again; ids still waiting are never handed back to the queue as unfinished.
/// </summary>
internal sealed partial class Completer(JobStore store, ILogger<Completer> logger)
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(500);

    private readonly Channel<long> _ids = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _waiting = new();

    /// <summary>Completed jobs not yet marked so in the database.</summary>
    public ICollection<long> Waiting => _waiting.Keys;

    public void Add(long id)
    {
        _waiting[id] = 0;
        _ids.Writer.TryWrite(id);
    }

    /// <summary>No more ids come; <see cref="RunAsync"/> ends once the last are written.</summary>
    public void Complete() => _ids.Writer.TryComplete();

    public async Task RunAsync(Guid worker, CancellationToken cancellationToken)
    {
        var batch = new List<long>(BatchSize);
        while (batch.Count > 0 || await _ids.Reader.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < BatchSize && _ids.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            try
            {
                await store.CompleteAsync([.. batch], worker, cancellationToken);
                foreach (var id in batch)
                {
                    _waiting.TryRemove(id, out _);
                }

                batch.Clear();
            }
            catch (Exception exception) when (DatabaseFailure.Is(exception))
            {
                LogCompleteFailed(logger, batch.Count, exception.Message);
                await Task.Delay(RetryAfter, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marking {Count} job(s) completed failed ({Reason}); trying again.")]
    private static partial void LogCompleteFailed(ILogger logger, int count, string reason);
}
