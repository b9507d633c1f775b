using Fwk.Db.Local;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// EF Core's and Npgsql's one-time costs, paid early: the first model a process builds JIT-compiles EF Core's services
/// and model-building conventions (about a second), the first connection Npgsql's connector and type handling (a few
/// hundred milliseconds). <see cref="FwkDatabaseExtensions.UseDatabase"/> starts both while the host builds and the apps
/// configure, so the startup hook (or a verb) finds that code compiled: it opens one connection to the default bind's
/// <c>postgres</c> database when its server already answers, and, when serving (verbs rarely build a model), builds a
/// one-table model on a thread of its own. Best effort: nothing waits for it or depends on it; it starts no server and
/// touches no project database.
/// </summary>
internal static class EngineWarmUp
{
    public static void Start(FwkApplication app)
    {
        _ = Task.Run(() => ConnectAsync(app)).ContinueWith(task => task.Exception, TaskScheduler.Default);
        if (app.Serves)
        {
            // Not on the thread pool: a CPU-bound second on one of its few threads (2 on a 2-core machine) would hold up the
            // continuations of the startup's own connections until the pool grows, half a second later.
            new Thread(BuildModel) { IsBackground = true, Name = "Fwk EF Core warm-up" }.Start();
        }
    }

    private static async Task ConnectAsync(FwkApplication app)
    {
        var settings = BindSettings.Read(app.Config, ModelRegistry.DefaultBind);
        var connectionString = settings.ConnectionString(settings.Host.Split(',')[0], settings.Port, "postgres");
        if (settings.IsLocal)
        {
            var local = new LocalPostgres(Path.Combine(app.ProjectDirectory, DatabaseEngine.LocalClusterPath), settings.Port);
            if (!File.Exists(Path.Combine(local.DataDirectory, "postmaster.pid")))
            {
                return;
            }

            connectionString = local.ConnectionString("postgres");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }

    private static void BuildModel()
    {
        try
        {
            using var context = new WarmUpContext();
            _ = context.Model;
        }
#pragma warning disable CA1031 // A failed warm-up costs nothing but the time it saves.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class WarmUpContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql("Host=warm-up.invalid");

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<WarmUpRow>(row =>
            {
                row.ToTable("warm_up");
                row.HasIndex(r => r.Name).IsUnique();
            });
    }

    private sealed class WarmUpRow
    {
        public int Id { get; set; }

        public string? Name { get; set; }
    }
}
