using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tested.Notes;

namespace Fwk.Testing.Tests.Database;

/// <summary>The project's template: built once, cloned for each app, and built again when the model changes.</summary>
public sealed class TemplateTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Template_WhenTheModelChanges_IsBuiltAgainWithTheNewSchema()
    {
        await using var before = await FwkTestApp.StartAsync<Program>(database);
        await using var after = await FwkTestApp.StartAsync<Program>(database, options => options.With("notes", "tags", "true"));

        await (await after.Client.PostAsJsonAsync("/subscribers", new { email = "tagged@example.com" })).ReadSuccessAsync<Subscriber>();

        Assert.Equal(0, await before.WithSessionAsync(db => db.Database.SqlQueryRaw<int>(TagColumns).SingleAsync()));
        Assert.Equal(1, await after.WithSessionAsync(db => db.Database.SqlQueryRaw<int>(TagColumns).SingleAsync()));
        Assert.Equal("saved", await after.WithSessionAsync(db => db.Set<Subscriber>().Select(s => s.Tag).SingleAsync()));
    }

    [Fact]
    public async Task Clone_StartsEmptyWhateverEarlierAppsWrote()
    {
        await using (var first = await FwkTestApp.StartAsync<Program>(database))
        {
            await (await first.Client.PostAsJsonAsync("/subscribers", new { email = "left@example.com" })).ReadSuccessAsync<Subscriber>();
        }

        await using var second = await FwkTestApp.StartAsync<Program>(database);

        Assert.Equal(0, await second.WithSessionAsync(db => db.Set<Subscriber>().CountAsync()));
    }

    private const string TagColumns = "select count(*)::int as \"Value\" from information_schema.columns where table_name = 'subscribers' and column_name = 'tag'";
}
