using Npgsql;

namespace Fwk.Db;

/// <summary>
/// PostgreSQL's session advisory lock that serialises schema changes of one database: every instance or deploy job that
/// upgrades (or runs create_db) takes it for the whole run, so exactly one applies each migration and the others wait,
/// then find nothing left to do. It is held on a connection of its own, released when disposed or when the process dies.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>The lock's key, the same for every Fwk project ("FWKMIGRA"); advisory locks are per database.</summary>
    public const long Key = 0x46574B4D49475241;

    /// <summary>How long to wait for another holder before giving up.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private readonly NpgsqlConnection _connection;

    private MigrationLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Takes the lock on <paramref name="engine"/>'s database, calling <paramref name="waiting"/> once if another holder
    /// makes it wait. Gives up after 10 minutes.
    /// </summary>
    public static async Task<MigrationLock> AcquireAsync(DatabaseEngine engine, Func<string, Task> waiting, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(engine.ConnectionString(engine.Settings.Name))
        {
            Pooling = false,
            CommandTimeout = (int)Timeout.TotalSeconds,
            ApplicationName = "fwk migrations",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var attempt = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection))
            {
                if ((bool)(await attempt.ExecuteScalarAsync(cancellationToken))!)
                {
                    return new MigrationLock(connection);
                }
            }

            await waiting("waiting for the migration lock (another instance is changing the schema)…");
            await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(connection);
        }
        catch (NpgsqlException exception) when (exception.InnerException is TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"Another instance held the migration lock of database '{engine.Settings.Name}' for more than {Timeout.TotalMinutes:0} minutes; try again when it is done.", exception);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
            await unlock.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection broke: the server released the lock with it.
        }

        await _connection.DisposeAsync();
    }
}
