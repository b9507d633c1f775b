using System.Net;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Idempotency;

/// <summary><c>Idempotency-Key</c>: a handler runs at most once per key; repeats get the stored response; the key is saved with the changes.</summary>
[Collection("postgres")]
public sealed class IdempotencyTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Post_RepeatedWithTheSameKey_RunsTheHandlerOnce_AndReplaysTheStoredResponse()
    {
        await using var project = await StartAsync("repeat");

        using var first = await PostAuthorAsync(project, "key-1", "Le Guin");
        using var second = await PostAuthorAsync(project, "key-1", "Le Guin");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        var body = await first.Content.ReadAsStringAsync();
        Assert.Matches("\"id\":[1-9]", body); // written after the save: the generated key is in the stored response
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains(IdempotentResponse.ReplayedHeader));
        Assert.Equal(["true"], second.Headers.GetValues(IdempotentResponse.ReplayedHeader));
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from authors"));
    }

    [Fact]
    public async Task Post_EightCopiesAtOnce_RunTheHandlerOnce_TheOthersWaitAndReplay()
    {
        await using var project = await StartAsync("copies");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAuthorAsync(project, "key-copies", "Butler")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())).ContinueWith(t => t.Result.Distinct().ToList()));
        Assert.Equal(7, responses.Count(r => r.Headers.Contains(IdempotentResponse.ReplayedHeader)));
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from authors"));
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from fwk_idempotency_keys"));
    }

    [Fact]
    public async Task Post_SameKeyWithAnotherBody_Answers1011AndRunsNothing()
    {
        await using var project = await StartAsync("reused");
        using var first = await PostAuthorAsync(project, "key-2", "Morrison");

        using var other = await PostAuthorAsync(project, "key-2", "Someone Else");

        await Envelope.AssertErrorAsync(other, HttpStatusCode.Conflict, ErrorCodes.IdempotencyKeyReused);
        Assert.Equal(["Morrison"], await project.ScalarAsync<string[]>("select array_agg(name) from authors"));
    }

    [Fact]
    public async Task Post_WhenTheSaveFails_StoresNoKey_SoARetryRunsAgain()
    {
        await using var project = await StartAsync("failed");
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Taken" })), HttpStatusCode.Created);

        using var conflict = await PostAuthorAsync(project, "key-3", "Taken");
        await Envelope.AssertErrorAsync(conflict, HttpStatusCode.Conflict, ErrorCodes.Conflict);
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from fwk_idempotency_keys"));
        await project.ScalarAsync<int>("delete from authors; select 0");

        using var retry = await PostAuthorAsync(project, "key-3", "Taken");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(retry.Headers.Contains(IdempotentResponse.ReplayedHeader));
    }

    [Fact]
    public async Task Key_AfterItExpires_MayBeUsedAgain()
    {
        await using var project = await StartAsync("expires", "idempotency_expiry = 0.5");
        using var first = await PostAuthorAsync(project, "key-4", "Atwood");
        await Task.Delay(TimeSpan.FromSeconds(0.8));

        using var later = await PostAuthorAsync(project, "key-4", "Herbert");

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Headers.Contains(IdempotentResponse.ReplayedHeader));
        Assert.Equal(2L, await project.ScalarAsync<long>("select count(*) from authors"));
    }

    [Fact]
    public async Task Key_WhenTooLong_Answers1002NamingTheHeader()
    {
        await using var project = await StartAsync("long");

        using var response = await PostAuthorAsync(project, new string('k', 201), "Tolkien");

        var error = await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.True(error.GetProperty("data").TryGetProperty(IdempotencyFilter.Header, out _));
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from authors"));
    }

    private static Task<HttpResponseMessage> PostAuthorAsync(DbTestProject project, string key, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/authors") { Content = Envelope.Json(new { name }) };
        request.Headers.Add(IdempotencyFilter.Header, key);
        return project.Client.SendAsync(request);
    }

    private async Task<DbTestProject> StartAsync(string prefix, string databaseLines = "")
    {
        var project = new DbTestProject(fixture, $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)], databaseLines).Add<AuthorsApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        return await project.StartAsync();
    }
}
