using System.Net;
using System.Text.Json;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Microsoft.AspNetCore.Http;

namespace Fwk.Db.Tests.Errors;

/// <summary>
/// A constraint violation says which constraint and columns (never another row's values), tells a duplicate (1008) from
/// a missing owner (1015), is logged once, and answers an app's own code for a constraint it mapped.
/// </summary>
[Collection("postgres")]
public sealed class ConstraintViolationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Save_WhenUniqueViolation_Answers1008NamingTheIndexAndColumns_LoggedOnceWithoutTheValue()
    {
        await using var project = await StartAsync("violation_unique");
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Secret Name" })), HttpStatusCode.Created);

        var response = await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Secret Name" }));

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.Conflict);
        AssertNames(root, "ix_authors_name", "name");
        var logged = Assert.Single(project.Logs.Lines, l => l.Contains("DatabaseExceptionHandler", StringComparison.Ordinal));
        Assert.Contains("ix_authors_name", logged, StringComparison.Ordinal);
        Assert.StartsWith("Information", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Name", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Name", root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WhenForeignKeyOwnerIsMissing_Answers1015NamingTheForeignKeyAndColumns()
    {
        await using var project = await StartAsync("violation_fk");

        var response = await project.Client.PostAsync("/books", Envelope.Json(new { title = "Orphan", author_id = 424_242 }));

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.RelatedRecordMissing);
        Assert.Equal("Related record does not exist", root.GetProperty("message").GetString());
        AssertNames(root, "fk_books_authors_author_id", "author_id");
        Assert.Contains("fk_books_authors_author_id", Assert.Single(project.Logs.Lines, l => l.Contains("DatabaseExceptionHandler", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WhenTheConstraintIsMapped_AnswersTheAppsCodeWithTheSameData()
    {
        await using var project = await StartAsync("violation_mapped", mapped: true);
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Twice" })), HttpStatusCode.Created);

        var response = await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Twice" }));
        var orphan = await project.Client.PostAsync("/books", Envelope.Json(new { title = "Orphan", author_id = 424_242 }));

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, NameTakenApp.NameTaken);
        Assert.Equal("That name is taken", root.GetProperty("message").GetString());
        AssertNames(root, "ix_authors_name", "name");
        await Envelope.AssertErrorAsync(orphan, HttpStatusCode.Conflict, ErrorCodes.RelatedRecordMissing);
    }

    [Fact]
    public void MapConstraint_WhenTheCodeIsNotRegistered_StopsNamingTheAppAndCode()
    {
        var registry = new ErrorRegistry(new ErrorCatalog(), "Shop");

        var error = Assert.Throws<InvalidOperationException>(() => registry.MapConstraint("ix_items_sku", 4321));

        Assert.Contains("'Shop'", error.Message, StringComparison.Ordinal);
        Assert.Contains("4321", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapConstraint_WhenTwoAppsMapTheSameConstraint_StopsNamingBoth()
    {
        var catalog = new ErrorCatalog();
        new ErrorRegistry(catalog, "First").MapConstraint("ix_items_sku", ErrorCodes.Conflict);

        var error = Assert.Throws<InvalidOperationException>(() => new ErrorRegistry(catalog, "Second").MapConstraint("ix_items_sku", ErrorCodes.Conflict));

        Assert.Contains("'First'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Second'", error.Message, StringComparison.Ordinal);
    }

    private static void AssertNames(JsonElement root, string constraint, string column)
    {
        var data = root.GetProperty("data");
        Assert.Equal(constraint, data.GetProperty("constraint").GetString());
        Assert.Equal([column], data.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }

    private async Task<DbTestProject> StartAsync(string prefix, bool mapped = false)
    {
        var project = new DbTestProject(fixture, await fixture.CreateDatabaseAsync(prefix)).Add<AuthorsApp>().Add<BooksApp>();
        if (mapped)
        {
            project.Add<NameTakenApp>();
        }

        try
        {
            Assert.Equal(0, await project.RunAsync("create_db"));
            return await project.StartAsync();
        }
        catch
        {
            await project.DisposeAsync();
            throw;
        }
    }
}

/// <summary>Maps the authors' unique name index to a code of its own.</summary>
public sealed class NameTakenApp : IApp
{
    public const int NameTaken = 2901;

    public void Configure(AppBuilder app) =>
        app.Errors.Add(NameTaken, "That name is taken", StatusCodes.Status422UnprocessableEntity).MapConstraint("ix_authors_name", NameTaken);
}
