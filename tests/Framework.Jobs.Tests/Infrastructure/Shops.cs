using Fwk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Shop;

namespace Fwk.Jobs.Tests.Infrastructure;

/// <summary>Starting the test project, alone or as more instances on one database, and reading its queue.</summary>
internal static class Shops
{
    public static Task<FwkTestApp> StartAsync(FwkTestDatabase database, params (string Section, string Key, string Value)[] settings) =>
        FwkTestApp.StartAsync<Program>(database, options =>
        {
            foreach (var (section, key, value) in settings)
            {
                options.With(section, key, value);
            }
        });

    /// <summary>Another instance of the project on <paramref name="owner"/>'s database (the owner drops it), its workers on.</summary>
    public static Task<FwkTestApp> InstanceOfAsync(FwkTestApp owner, FwkTestDatabase database, params (string Section, string Key, string Value)[] settings) =>
        StartAsync(database, [("database", "name", owner.Databases["default"]), ("jobs", "enabled", "true"), .. settings]);

    /// <summary>The queue's rows, but the framework's own recurring jobs.</summary>
    public static Task<List<JobRow>> JobsAsync(this FwkTestApp app) =>
        app.WithSessionAsync(db => db.Database.SqlQueryRaw<JobRow>(
            """SELECT id AS "Id", kind AS "Kind", state AS "State", attempt AS "Attempt", last_error AS "LastError", unique_key AS "UniqueKey", run_at AS "RunAt" FROM fwk_jobs WHERE kind NOT LIKE 'every:fwk.%' ORDER BY id""").ToListAsync());

    public static Seen Seen(this FwkTestApp app) => app.Services.GetRequiredService<Seen>();

    /// <summary>Waits (at most <paramref name="seconds"/>) until <paramref name="done"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}.");
            }

            await Task.Delay(50);
        }
    }
}
