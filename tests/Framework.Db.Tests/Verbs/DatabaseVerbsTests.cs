using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Verbs;

/// <summary>drop_db and reset_db (guarded by --yes) and init_project.</summary>
[Collection("postgres")]
public sealed class DatabaseVerbsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task DropDb_WhenAnswerIsNo_RefusesAndKeepsDatabase()
    {
        var name = await fixture.CreateDatabaseAsync("keep");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));

        var exitCode = await project.Answer("n\n").RunAsync("drop_db").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exitCode);
        Assert.True(await DbTestProject.DatabaseExistsAsync(fixture, name));
        Assert.Equal(["authors"], await project.TablesAsync());
        Assert.Contains($"Drop database '{name}' and all its data? [y/N]", project.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropDb_WhenAnswerIsYes_DropsDatabase()
    {
        var name = await fixture.CreateDatabaseAsync("answer");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));

        var exitCode = await project.Answer("y\n").RunAsync("drop_db").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, project.Everything);
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, name));
    }

    [Fact]
    public async Task DropDb_WithYes_DropsDatabase()
    {
        var name = await fixture.CreateDatabaseAsync("drop");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));

        var exitCode = await project.RunAsync("drop_db", "--yes");

        Assert.True(exitCode == 0, project.Everything);
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, name));
        Assert.Contains($"Database '{name}': dropped", project.Output, StringComparison.Ordinal);

        Assert.Equal(0, await project.RunAsync("drop_db", "-y"));
        Assert.Contains($"Database '{name}': did not exist", project.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropDb_WhileTheAppServes_DropsDatabaseAndHealthTurns503()
    {
        var name = await fixture.CreateDatabaseAsync("dropserved");
        await using var project = new DbTestProject(fixture, name).Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/probes/one", null));

        var exitCode = await project.RunAsync("drop_db", "--yes");

        Assert.True(exitCode == 0, project.Everything);
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, name));
        await Envelope.AssertErrorAsync(await project.Client.GetAsync("/health"), System.Net.HttpStatusCode.ServiceUnavailable, ErrorCodes.DatabaseUnavailable);
    }

    [Fact]
    public async Task ResetDb_WithYes_RecreatesEmptyTables()
    {
        var name = await fixture.CreateDatabaseAsync("reset");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>().Add<BooksApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("insert into authors (name) values ('gone soon'); select 0");

        var exitCode = await project.RunAsync("reset_db", "--yes");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Equal(["authors", "books"], await project.TablesAsync());
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from authors"));
        Assert.Contains($"Database '{name}': dropped", project.Output, StringComparison.Ordinal);
        Assert.Contains($"Database '{name}': created", project.Output, StringComparison.Ordinal);
        Assert.Contains("BooksApp: created books", project.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetDb_WhenAnswerIsNo_RefusesAndKeepsData()
    {
        var name = await fixture.CreateDatabaseAsync("noreset");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("insert into authors (name) values ('stays'); select 0");

        var exitCode = await project.Answer("no\n").RunAsync("reset_db").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exitCode);
        Assert.Equal("stays", await project.ScalarAsync<string>("select name from authors"));
    }

    [Fact]
    public async Task InitProject_RunsEachAppsInitInAppOrder_AndSavesTheSession()
    {
        var name = await fixture.CreateDatabaseAsync("init");
        // Added books first: the authors app still runs first, since books depends on it.
        await using var project = new DbTestProject(fixture, name).Add<BooksApp>().Add<AuthorsApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));

        var exitCode = await project.RunAsync("init_project");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Equal(["AuthorsApp:init", "BooksApp:init"], project.Journal.Entries);
        Assert.Equal("Seed Author", await project.ScalarAsync<string>("select name from authors"));
        Assert.Equal("Seed Book", await project.ScalarAsync<string>("select b.title from books b join authors a on a.id = b.author_id where a.name = 'Seed Author'"));
        var output = project.Output;
        Assert.True(
            output.IndexOf("AuthorsApp: done", StringComparison.Ordinal) < output.IndexOf("BooksApp: running init", StringComparison.Ordinal),
            output);
    }

    [Fact]
    public async Task InitProject_WhenAnInitFails_ExitsOneAndSavesNothingOfThatApp()
    {
        var name = await fixture.CreateDatabaseAsync("initfail");
        await using var project = new DbTestProject(fixture, name).Add<BooksApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        // The seed author exists twice after this, so the books app's SingleAsync fails; the authors app's row is saved.
        await project.ScalarAsync<int>("drop index ix_authors_name; insert into authors (name) values ('Seed Author'); select 0");

        var exitCode = await project.RunAsync("init_project");

        Assert.Equal(1, exitCode);
        Assert.Contains("Error:", project.Error, StringComparison.Ordinal);
        Assert.Equal(2L, await project.ScalarAsync<long>("select count(*) from authors where name = 'Seed Author'"));
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from books"));
    }
}
