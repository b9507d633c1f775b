using System.Net;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Binds;

/// <summary>Several databases per project: the authors app in <c>[database]</c>, the ledger app in <c>[database.ledger]</c>.</summary>
[Collection("postgres")]
public sealed class BindsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task CreateDb_WithTwoBindsOnOneCluster_CreatesEachTableInItsOwnDatabaseOnly()
    {
        var (main, ledger) = (NewName("main"), NewName("ledger"));
        await using var project = Project(main, LedgerSection(ledger));

        var exitCode = await project.RunAsync("create_db");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Equal(["authors"], await project.TablesAsync());
        Assert.Equal(["ledger_entries"], await project.TablesAsync(ledger));
        Assert.Contains($"Database '{ledger}': created", project.Output, StringComparison.Ordinal);
        Assert.Contains("LedgerApp: created ledger_entries", project.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_WritingToBindsOnTwoClusters_SavesEachRowInItsOwnDatabase()
    {
        await using var second = await TemporaryCluster.StartAsync(port: 5433);
        var ledger = NewName("ledger");
        await using var project = Project(NewName("main"), LedgerSection(ledger, second.Cluster.SocketDirectory, second.Cluster.Port));
        Assert.True(await project.RunAsync("create_db") == 0, project.Everything);
        await project.StartAsync();

        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/sales", Envelope.Json(new { author = "Le Guin", reference = "S-1", amount = 40 })), HttpStatusCode.Created);

        Assert.Equal("Le Guin", await project.ScalarAsync<string>("select name from authors"));
        Assert.Equal(40, await second.ScalarAsync<int>(ledger, "select amount from ledger_entries where reference = 'S-1'"));
        var total = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/ledger/total"));
        Assert.Equal(40, total.GetProperty("total").GetInt32());
        var database = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/ledger/database"));
        Assert.Equal(ledger, database.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Save_WhenTheSecondBindFails_CommitsNothingInTheFirst()
    {
        var ledger = NewName("ledger");
        await using var project = Project(NewName("main"), LedgerSection(ledger));
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/sales", Envelope.Json(new { author = "First", reference = "S-1", amount = 1 })), HttpStatusCode.Created);

        // The ledger reference is unique: the second bind's save fails after the first bind's save succeeded.
        var response = await project.Client.PostAsync("/sales", Envelope.Json(new { author = "Second", reference = "S-1", amount = 2 }));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.Conflict);
        Assert.Equal(["First"], await project.ScalarAsync<string[]>("select array_agg(name order by id) from authors"));
        Assert.Equal(1L, await DbTestProject.ScalarAsync<long>(fixture, ledger, "select count(*) from ledger_entries"));
    }

    [Fact]
    public async Task Startup_WhenAModelRelatesToAModelOfAnotherBind_FailsNamingBoth()
    {
        await using var project = new DbTestProject(fixture, NewName("main"), sections: LedgerSection(NewName("ledger"))).Add<AuthorsApp>().Add<RoyaltiesApp>();

        var exitCode = await project.ServeExpectingFailureAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 1, project.Everything);
        Assert.True(project.Error.Contains(
            "Relation across binds: model 'Royalty' (app RoyaltiesApp, bind 'ledger') relates to model 'Author' (app AuthorsApp, bind 'default')",
            StringComparison.Ordinal), project.Error);
    }

    [Fact]
    public async Task Startup_WhenAnAppUsesABindConfigDoesNotDeclare_FailsNamingIt()
    {
        await using var project = new DbTestProject(fixture, NewName("main")).Add<ArchiveApp>();

        var exitCode = await project.ServeExpectingFailureAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains("App 'ArchiveApp' puts models into bind 'archive', but config.ini has no [database.archive] section.", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbs_WithBindOption_TouchThatBindOnly()
    {
        var (main, ledger) = (NewName("main"), NewName("ledger"));
        await using var project = Project(main, LedgerSection(ledger));

        Assert.Equal(0, await project.RunAsync("create_db", "--bind", "ledger"));
        Assert.True(await DbTestProject.DatabaseExistsAsync(fixture, ledger));
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, main));

        Assert.Equal(0, await project.RunAsync("create_db"));
        Assert.Equal(0, await project.RunAsync("drop_db", "--bind", "ledger", "--yes"));
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, ledger));
        Assert.True(await DbTestProject.DatabaseExistsAsync(fixture, main));
        Assert.Equal(1, await project.RunAsync("create_db", "--bind", "nope"));
        Assert.Contains("There is no bind 'nope': config.ini declares default, ledger.", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ChecksEachBind_503WhenOneIsDown()
    {
        var ledger = NewName("ledger");
        await using var project = Project(NewName("main"), LedgerSection(ledger));
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.StartAsync();
        var healthy = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/health"));
        Assert.Equal("healthy", healthy.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("healthy", healthy.GetProperty("checks").GetProperty("database.ledger").GetString());

        Assert.Equal(0, await project.RunAsync("drop_db", "--bind", "ledger", "--yes"));

        var down = await Envelope.AssertErrorAsync(await project.Client.GetAsync("/health"), HttpStatusCode.ServiceUnavailable, ErrorCodes.DatabaseUnavailable);
        Assert.Equal("healthy", down.GetProperty("data").GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("unhealthy", down.GetProperty("data").GetProperty("checks").GetProperty("database.ledger").GetString());
    }

    [Fact]
    public async Task Migrate_WithTwoBinds_KeepsEachBindsHistoryInItsOwnFolderAndDatabase()
    {
        var ledger = NewName("ledger");
        await using var project = Project(NewName("main"), LedgerSection(ledger));

        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "initial"));
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));
        Assert.True(await project.RunAsync("create_db") == 0, project.Everything);

        Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "Migrations"), "*_Initial.cs"));
        Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "Migrations", "Ledger"), "*_Initial.cs"));
        Assert.Equal(["__EFMigrationsHistory", "authors"], await project.TablesAsync());
        Assert.Equal(["__EFMigrationsHistory", "ledger_entries"], await project.TablesAsync(ledger));
        Assert.Matches(@"ledger: applied \d{14}_Initial", project.Output);
    }

    private static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    // The ledger bind lives on the fixture's cluster unless another server is given.
    private string LedgerSection(string database, string? host = null, int? port = null) => $"""
        [database.ledger]
        name = {database}
        host = {host ?? fixture.Cluster.SocketDirectory}
        port = {port ?? fixture.Cluster.Port}
        """;

    private DbTestProject Project(string database, string ledgerSection) =>
        new DbTestProject(fixture, database, sections: ledgerSection).Add<AuthorsApp>().Add<LedgerApp>();
}
