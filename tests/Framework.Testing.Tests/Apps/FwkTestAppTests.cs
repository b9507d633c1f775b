using System.Net;
using System.Net.Http.Json;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tested.Notes;

namespace Fwk.Testing.Tests.Apps;

/// <summary>Test apps: isolated databases, config overrides, sessions, verbs, hooks and disposal.</summary>
public sealed class FwkTestAppTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task TwoApps_WritingTheSameUniqueEmailAtOnce_BothSucceed()
    {
        var apps = await Task.WhenAll(FwkTestApp.StartAsync<Program>(database), FwkTestApp.StartAsync<Program>(database));
        try
        {
            var responses = await Task.WhenAll(apps.Select(app => app.Client.PostAsJsonAsync("/subscribers", new { email = "same@example.com" })));

            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
            Assert.NotEqual(apps[0].Databases["default"], apps[1].Databases["default"]);
            foreach (var app in apps)
            {
                Assert.Equal(1, (await (await app.Client.GetAsync("/subscribers/count")).ReadSuccessAsync<Counted>()).Count);
            }
        }
        finally
        {
            await Task.WhenAll(apps.Select(app => app.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task With_SetsAConfigKeyForThatAppOnly()
    {
        await using var limited = await FwkTestApp.StartAsync<Program>(database, options => options.With("networking", "max_body_size", "10"));
        await using var normal = await FwkTestApp.StartAsync<Program>(database);
        var body = new { email = "someone-long@example.com" };

        var rejected = await (await limited.Client.PostAsJsonAsync("/echo", body)).ReadErrorAsync();
        var accepted = await (await normal.Client.PostAsJsonAsync("/echo", body)).ReadSuccessAsync<SubscriberInput>();

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ErrorCodes.BodyTooLarge), (rejected.Status, rejected.Code));
        Assert.Equal("someone-long@example.com", accepted.Email);
    }

    [Fact]
    public async Task WithSessionAsync_ArrangesAndChecksRowsOutsideARequest_SavingThroughTheHooks()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        await app.WithSessionAsync(db => Task.FromResult(db.Add(new Subscriber { Email = "arranged@example.com" })));
        var count = await (await app.Client.GetAsync("/subscribers/count")).ReadSuccessAsync<Counted>();
        var emails = await app.WithSessionAsync(db => db.Set<Subscriber>().Select(s => s.Email).ToListAsync());

        Assert.Equal(1, count.Count);
        Assert.Equal(["arranged@example.com"], emails);
        Assert.True(app.Hooks.Ran(DbEvents.Saving, "NotesApp"));
    }

    [Fact]
    public async Task RunVerbAsync_RunsTheProjectsVerbOnTheAppsDatabase()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var init = await app.RunVerbAsync("init_project");
        var routes = await app.RunVerbAsync("routes");
        var unknown = await app.RunVerbAsync("no_such_verb");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Equal(1, (await (await app.Client.GetAsync("/subscribers/count")).ReadSuccessAsync<Counted>()).Count);
        Assert.Contains("/subscribers/count", routes.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public async Task Hooks_RecordWhichRanForWhichEvent_RequestEndAndShutdownIncluded()
    {
        var app = await FwkTestApp.StartAsync<Program>(database);
        var hooks = app.Hooks;
        try
        {
            await (await app.Client.GetAsync("/subscribers/count")).ReadSuccessAsync<Counted>();
            await hooks.WaitForAsync(Events.RequestEnd, "NotesApp");

            Assert.True(hooks.Ran(Events.Startup, "Fwk"));
            Assert.True(hooks.Ran(Events.Startup, "NotesApp"));
            Assert.True(hooks.Ran(Events.RequestStart, "NotesApp"));
            Assert.False(hooks.Ran(Events.Shutdown));
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.Single(hooks.All, run => run.Event == Events.Shutdown && run.Owner == "NotesApp");
    }

    [Fact]
    public async Task Dispose_DropsTheAppsDatabases()
    {
        var app = await FwkTestApp.StartAsync<Program>(database);
        var name = app.Databases["default"];
        Assert.True(await ExistsAsync(name));

        await app.DisposeAsync();

        // On the run's throwaway cluster the drop finishes in the background, while the next test starts.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await ExistsAsync(name) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task StartAsync_WhenProgramCannotStart_SaysWhy()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            FwkTestApp.StartAsync<Program>(database, options => options.With("networking", "max_body_size", "lots")));

        Assert.Contains("max_body_size", failure.Message, StringComparison.Ordinal);
    }

    private async Task<bool> ExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private sealed record Counted(int Count);
}
