using System.Collections.Concurrent;

namespace Fwk.Testing;

/// <summary>
/// Fresh copies of a project's templates (one database per bind), cloned ahead in the background so a starting test
/// rarely waits for <c>CREATE DATABASE</c>: on the run's throwaway cluster a few sets are kept ready, and each one taken
/// is replaced (those still ready when the run ends go with the cluster). On an existing server nothing is cloned ahead,
/// so nothing is left there. A set is used by one app only, then dropped.
/// </summary>
internal sealed class ClonePool(TestPostgres server, ProjectTemplate template)
{
    private readonly int _readySets = server.IsThrowaway ? 2 : 0;

    private static readonly ConcurrentDictionary<ProjectTemplate, ClonePool> Pools = new();

    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _ready = new();
    private int _filling;

    /// <summary>The pool of <paramref name="template"/>'s copies.</summary>
    public static ClonePool Of(TestPostgres server, ProjectTemplate template) => Pools.GetOrAdd(template, _ => new ClonePool(server, template));

    /// <summary>A set of fresh databases, bind → database name: a ready one, or one cloned now.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        var set = _ready.TryDequeue(out var ready) ? ready : await CloneAsync();
        Refill();
        return set;
    }

    // One filler at a time; a failure leaves the pool short, and the next take clones for itself.
    private void Refill()
    {
        if (_readySets == 0 || Interlocked.CompareExchange(ref _filling, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                while (_ready.Count < _readySets)
                {
                    _ready.Enqueue(await CloneAsync());
                }
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
            {
                // The server went away (the run is ending): nothing to keep ready.
            }
            finally
            {
                Volatile.Write(ref _filling, 0);
            }
        });
    }

    private async Task<IReadOnlyDictionary<string, string>> CloneAsync()
    {
        var id = "fwk_test_" + Guid.NewGuid().ToString("N")[..12];
        var set = template.Binds.ToDictionary(b => b.Bind, b => b.Bind == ModelRegistry.DefaultBind ? id : $"{id}_{b.Bind}");
        await Task.WhenAll(template.Binds.Select(b => server.CloneAsync(b.Template, set[b.Bind])));
        return set;
    }
}
