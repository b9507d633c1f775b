using System.Net.Http.Json;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Sample.Audit;

namespace Sample.Tests.Audit;

/// <summary>The audit app: every write of the other apps lands in the audit database, without those apps knowing.</summary>
public sealed class AuditTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task EveryWrite_IsRecordedInTheAuditDatabase()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var user = await (await app.Client.PostAsJsonAsync("/users", new { name = "Ada", email = "ada@example.com" })).ReadSuccessAsync<Sample.Users.User>();
        await (await app.Client.PatchAsJsonAsync($"/users/{user.Id}", new { name = "Ada L." })).ReadSuccessAsync<object>();
        var entries = await (await app.Client.GetAsync("/audit")).ReadSuccessAsync<List<AuditEntry>>();

        Assert.Equal([("update", "PATCH /users/" + user.Id), ("insert", "POST /users")], entries.Select(e => (e.Operation, e.Request!)));
        Assert.Contains("Ada L.", entries[0].Changes, StringComparison.Ordinal);
        Assert.True(app.Hooks.Ran(DbEvents.Saving, nameof(AuditApp)));
        Assert.Equal(2, await app.WithSessionAsync(db => db.Set<AuditEntry>().CountAsync(), bind: AuditApp.Bind));
    }
}
