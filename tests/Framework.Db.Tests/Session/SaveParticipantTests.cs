using System.Net;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Sessions;

/// <summary>Rows a save participant writes with raw SQL go in the save's transaction: all or nothing with the tracked rows.</summary>
[Collection("postgres")]
public sealed class SaveParticipantTests(PostgresFixture fixture)
{
    [Fact]
    public async Task SaveWith_WhenTheSaveHasATrackedInsert_WritesBothAndReportsTheRowsSaved()
    {
        await using var project = await StartAsync("both");

        var data = await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/raw-authors/raw-one?tracked=tracked-one", null));

        Assert.Equal(1, data.GetProperty("saved_count").GetInt32());
        Assert.False(data.GetProperty("has_rows").GetBoolean());
        Assert.Equal(["raw-one", "tracked-one"], await project.ScalarAsync<string[]>("select array_agg(name order by name) from authors"));
    }

    [Fact]
    public async Task SaveWith_WhenNothingIsTracked_WritesItsRowsAlone()
    {
        await using var project = await StartAsync("alone");

        var data = await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/raw-authors/raw-only", null));
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/raw-authors/raw-later/later", null));

        Assert.Equal(1, data.GetProperty("saved_count").GetInt32());
        Assert.Equal(["raw-later", "raw-only"], await project.ScalarAsync<string[]>("select array_agg(name order by name) from authors"));
    }

    [Theory]
    [InlineData("/raw-authors/taken?tracked=fresh")]        // the participant's statement fails: the tracked insert goes too
    [InlineData("/raw-authors/fresh?tracked=taken")]        // the tracked insert fails: the participant's row goes too
    [InlineData("/raw-authors/taken/later?tracked=fresh")]  // the same, saved by the framework on success_response
    [InlineData("/raw-authors/fresh/later?tracked=taken")]
    public async Task SaveWith_WhenOneOfTheRowsViolatesAUniqueKey_WritesNeither(string path)
    {
        await using var project = await StartAsync("conflict");
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "taken" })), HttpStatusCode.Created);

        await Envelope.AssertErrorAsync(await project.Client.PostAsync(path, null), HttpStatusCode.Conflict, ErrorCodes.Conflict);

        Assert.Equal(["taken"], await project.ScalarAsync<string[]>("select array_agg(name order by name) from authors"));
    }

    private async Task<DbTestProject> StartAsync(string prefix) =>
        await new DbTestProject(fixture, await fixture.CreateDatabaseAsync(prefix)).Add<AuthorsApp>().Add<RawAuthorsApp>().CreateDbAndStartAsync();
}
