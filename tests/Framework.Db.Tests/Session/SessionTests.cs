using System.Net;
using System.Text.Json;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db.Tests.Sessions;

/// <summary>The request session: saved on success before the response, never on error, never shared, always released.</summary>
[Collection("postgres")]
public sealed class SessionTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Session_ModelsOfTwoAppsReferencingEachOther_WorkEndToEnd()
    {
        await using var project = await StartLibraryAsync("library");

        var author = await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Ursula" })), HttpStatusCode.Created);
        var authorId = author.GetProperty("id").GetInt32();
        Assert.True(authorId > 0, "The id is assigned by the save that runs before the response is written.");
        var book = await Envelope.AssertSuccessDataAsync(
            await project.Client.PostAsync("/books", Envelope.Json(new { title = "The Dispossessed", author_id = authorId })), HttpStatusCode.Created);
        var bookId = book.GetProperty("id").GetInt32();
        Assert.Equal(authorId, book.GetProperty("author_id").GetInt32());

        var favorite = await Envelope.AssertSuccessDataAsync(await project.Client.PutAsync($"/authors/{authorId}/favorite/{bookId}", null));
        Assert.Equal(bookId, favorite.GetProperty("favorite_book_id").GetInt32());

        var reread = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync($"/authors/{authorId}"));
        Assert.Equal(bookId, reread.GetProperty("favorite_book_id").GetInt32());
        var books = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync($"/authors/{authorId}/books"));
        var only = Assert.Single(books.EnumerateArray());
        Assert.Equal("The Dispossessed", only.GetProperty("title").GetString());
        Assert.Equal("Ursula", only.GetProperty("author").GetString());
        Assert.True(only.GetProperty("favorite").GetBoolean());

        // The key from the authors table to the books table holds too.
        await Envelope.AssertErrorAsync(await project.Client.PutAsync($"/authors/{authorId}/favorite/999999", null), HttpStatusCode.Conflict, ErrorCodes.RelatedRecordMissing);
        Assert.Equal(bookId, await project.ScalarAsync<int>($"select favorite_book_id from authors where id = {authorId}"));
    }

    [Fact]
    public async Task Session_64ConcurrentRequests_NeverSeeEachOthersSession()
    {
        const int requests = 64;
        var name = await fixture.CreateDatabaseAsync("concurrent");
        await using var project = new DbTestProject(fixture, name)
            .Configure(app => app.Services.AddSingleton(new Gate(requests)))
            .Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();

        // Every handler adds its own row, then waits until all 64 are inside their handlers: 64 sessions alive at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            using var response = await project.Client.PostAsync($"/probes/m{i}", null);
            return (Marker: $"m{i}", Data: await Envelope.AssertSuccessDataAsync(response));
        }));

        foreach (var (marker, data) in responses)
        {
            Assert.Equal(1, data.GetProperty("tracked").GetInt32());
            Assert.Equal([marker], data.GetProperty("markers").EnumerateArray().Select(m => m.GetString()));
        }

        var leases = responses.Select(r => (r.Data.GetProperty("instance").GetGuid(), r.Data.GetProperty("lease").GetInt32())).ToList();
        Assert.Equal(requests, leases.Distinct().Count());
        Assert.Equal(requests, leases.Select(l => l.Item1).Distinct().Count());
        Assert.Equal(requests, await project.ScalarAsync<long>("select count(distinct marker) from probes"));
    }

    [Fact]
    public async Task Session_HandlerAddsRowThenThrows_WritesNothing()
    {
        await using var project = await StartLibraryAsync("throws");

        var response = await project.Client.PostAsync("/authors/then-throw", Envelope.Json(new { name = "never saved" }));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from authors"));

        // The pooled session that saw the failed request comes back clean: the next request saves only its own row.
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "saved" })), HttpStatusCode.Created);
        Assert.Equal(["saved"], await project.ScalarAsync<string[]>("select array_agg(name) from authors"));
    }

    [Fact]
    public async Task Session_InsertsSavedAsOneBatch_AreAllOrNothing()
    {
        await using var project = await StartLibraryAsync("batch");
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "taken" })), HttpStatusCode.Created);

        // Two inserts, one batch without a transaction of EF Core's: the second's unique violation undoes the first.
        await Envelope.AssertErrorAsync(await project.Client.PostAsync("/authors/pair/fresh/taken", null), HttpStatusCode.Conflict, ErrorCodes.Conflict);
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from authors where name = 'fresh'"));

        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors/pair/one/two", null));
        Assert.Equal(["one", "taken", "two"], await project.ScalarAsync<string[]>("select array_agg(name order by name) from authors"));
    }

    [Fact]
    public async Task Session_HandlerAddsRowThenReturnsError_WritesNothing()
    {
        await using var project = await StartLibraryAsync("errors");

        var response = await project.Client.PostAsync("/authors/then-error", Envelope.Json(new { name = "never saved" }));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.NotFound, AuthorsApp.AuthorNotFound);
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from authors"));
    }

    [Fact]
    public async Task Session_AfterManyRequests_ReleasesEveryConnection()
    {
        await using var project = await StartLibraryAsync("release");

        // Successes, failed saves, throwing handlers and reads, some of them concurrently.
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                var name = $"r{round}-{i}";
                (await project.Client.PostAsync("/authors", Envelope.Json(new { name }))).Dispose();
                (await project.Client.PostAsync("/authors", Envelope.Json(new { name }))).Dispose(); // 409
                (await project.Client.PostAsync("/authors/then-throw", Envelope.Json(new { name = name + "x" }))).Dispose();
                (await project.Client.PostAsync("/books", Envelope.Json(new { title = "t", author_id = 999_999 }))).Dispose(); // 409
                (await project.Client.GetAsync("/authors/count")).Dispose();
            }));
        }

        Assert.Equal(40L, await project.ScalarAsync<long>("select count(*) from authors"));
        var states = await project.ScalarAsync<string[]?>(
            $"select array_agg(coalesce(state, '?')) from pg_stat_activity where datname = '{project.Database}' and pid <> pg_backend_pid()");
        Assert.NotNull(states);
        Assert.NotEmpty(states); // the app keeps pooled connections open...
        Assert.All(states, state => Assert.Equal("idle", state)); // ...and none of them is in a transaction or busy
    }

    [Fact]
    public async Task Session_RequestWithoutDatabaseUse_RentsNoSession()
    {
        var name = await fixture.CreateDatabaseAsync("lazy");
        await using var project = new DbTestProject(fixture, name).Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();
        var before = await ConnectionsAsync(project);

        for (var i = 0; i < 20; i++)
        {
            await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/ping"));
        }

        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/probes/used", null));

        Assert.Equal(20, project.Journal.Entries.Count(e => e == "GET /ping session=False"));
        Assert.Equal(["POST /probes/used session=True"], project.Journal.Entries.Where(e => e.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Equal(before, await ConnectionsAsync(project));
    }

    [Fact]
    public async Task Session_AfterEachRequest_IsReturnedToThePoolClean()
    {
        var name = await fixture.CreateDatabaseAsync("pooled");
        await using var project = new DbTestProject(fixture, name).Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();

        var reports = new List<JsonElement>();
        for (var i = 0; i < 10; i++)
        {
            reports.Add(await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync($"/probes/seq{i}", null)));
        }

        // Each request tracked only its own row: the context it got had been reset.
        for (var i = 0; i < reports.Count; i++)
        {
            Assert.Equal([$"seq{i}"], reports[i].GetProperty("markers").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(1, reports[i].GetProperty("tracked").GetInt32());
        }

        // One request at a time: contexts are reused from the pool (a new lease each time), so at most two instances exist
        // (the previous request's context may still be on its way back when the next request starts).
        var leases = reports.Select(r => (Instance: r.GetProperty("instance").GetGuid(), Lease: r.GetProperty("lease").GetInt32())).ToList();
        Assert.Equal(reports.Count, leases.Distinct().Count());
        Assert.InRange(leases.Select(l => l.Instance).Distinct().Count(), 1, 2);
    }

    [Fact]
    public async Task Session_InAppStartupAndRequestHooks_IsTheRequestsSessionAndSavedWithIt()
    {
        var name = await fixture.CreateDatabaseAsync("hooks");
        await using var project = new DbTestProject(fixture, name).Add<AuditApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();
        Assert.Equal(["startup: 0 authors"], project.Journal.Entries);

        var saved = await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/audited/kept", null));
        var failed = await project.Client.PostAsync("/audited/lost?fail=true", null);

        Assert.True(saved.GetProperty("same_session").GetBoolean());
        Assert.Equal(2, saved.GetProperty("tracked").GetInt32());
        await Envelope.AssertErrorAsync(failed, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        Assert.Equal(["audit of /audited/kept", "kept"], await project.ScalarAsync<string[]>("select array_agg(name order by name) from authors"));
    }

    private static Task<long> ConnectionsAsync(DbTestProject project) =>
        project.ScalarAsync<long>($"select count(*) from pg_stat_activity where datname = '{project.Database}' and pid <> pg_backend_pid()");

    private async Task<DbTestProject> StartLibraryAsync(string prefix) =>
        await new DbTestProject(fixture, await fixture.CreateDatabaseAsync(prefix)).Add<AuthorsApp>().Add<BooksApp>().CreateDbAndStartAsync();
}
