using System.Net;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Errors;

/// <summary>A failed save is answered with the right envelope, never a 200; get-or-404 answers with the app's own code.</summary>
[Collection("postgres")]
public sealed class DatabaseErrorTests(PostgresFixture fixture) : IAsyncLifetime
{
    private DbTestProject? _project;

    private DbTestProject Project => _project!;

    public async Task InitializeAsync()
    {
        var name = await fixture.CreateDatabaseAsync("errors");
        _project = new DbTestProject(fixture, name).Add<AuthorsApp>().Add<BooksApp>();
        Assert.Equal(0, await _project.RunAsync("create_db"));
        await _project.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_project is not null)
        {
            await _project.DisposeAsync();
        }
    }

    [Fact]
    public async Task Save_WhenUniqueViolation_Answers409Code1008Not200()
    {
        await Envelope.AssertSuccessDataAsync(await Project.Client.PostAsync("/authors", Envelope.Json(new { name = "Twice" })), HttpStatusCode.Created);

        var response = await Project.Client.PostAsync("/authors", Envelope.Json(new { name = "Twice" }));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.Conflict);
        Assert.Equal(1L, await Project.ScalarAsync<long>("select count(*) from authors where name = 'Twice'"));
    }

    [Fact]
    public async Task Save_WhenForeignKeyOwnerIsMissing_Answers409Code1015()
    {
        var response = await Project.Client.PostAsync("/books", Envelope.Json(new { title = "Orphan", author_id = 424_242 }));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.RelatedRecordMissing);
        Assert.Equal(0L, await Project.ScalarAsync<long>("select count(*) from books"));
    }

    [Fact]
    public async Task Save_WhenTextHasNul_Answers400Code1005()
    {
        var response = await Project.Client.PostAsync("/authors/nul", null);

        await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.MalformedBody);
        Assert.Equal(0L, await Project.ScalarAsync<long>("select count(*) from authors"));
    }

    [Fact]
    public async Task Body_WhenJsonTextHasNul_Answers400Code1005BeforeTheDatabase()
    {
        var response = await Project.Client.PostAsync("/authors", Envelope.Json("""{"name":"a\u0000b"}"""));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.MalformedBody);
        Assert.Equal(0L, await Project.ScalarAsync<long>("select count(*) from authors"));
    }

    [Fact]
    public async Task Save_WhenRowVanished_Answers409Code1008()
    {
        var created = await Envelope.AssertSuccessDataAsync(await Project.Client.PostAsync("/authors", Envelope.Json(new { name = "Vanishing" })), HttpStatusCode.Created);

        var response = await Project.Client.PutAsync($"/authors/{created.GetProperty("id").GetInt32()}/vanishing", Envelope.Json(new { name = "Renamed" }));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.Conflict);
    }

    [Fact]
    public async Task Save_WhenValueTooLongForColumn_Answers400Code1002()
    {
        var response = await Project.Client.PostAsync("/authors", Envelope.Json(new { name = new string('x', 101) }));

        var error = await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var field = Assert.Single(error.GetProperty("data").EnumerateObject());
        Assert.NotEmpty(field.Value.EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0L, await Project.ScalarAsync<long>("select count(*) from authors"));
    }

    [Fact]
    public async Task FindOr404_WhenMissing_AnswersTheAppsOwnCodeAndStatus()
    {
        var author = await Envelope.AssertErrorAsync(await Project.Client.GetAsync("/authors/31337"), HttpStatusCode.NotFound, AuthorsApp.AuthorNotFound);
        Assert.Equal("Author '31337' does not exist", author.GetProperty("message").GetString());

        var book = await Envelope.AssertErrorAsync(await Project.Client.GetAsync("/books/31337"), HttpStatusCode.Gone, BooksApp.BookGone);
        Assert.Equal("Book '31337' is gone", book.GetProperty("message").GetString());
    }

    [Fact]
    public async Task FindOr404_WhenPresent_ReturnsTheEntity()
    {
        var created = await Envelope.AssertSuccessDataAsync(await Project.Client.PostAsync("/authors", Envelope.Json(new { name = "Found" })), HttpStatusCode.Created);

        var found = await Envelope.AssertSuccessDataAsync(await Project.Client.GetAsync($"/authors/{created.GetProperty("id").GetInt32()}"));

        Assert.Equal("Found", found.GetProperty("name").GetString());
    }
}
