using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Verbs;

/// <content>create_db before the first migration, then <c>db migrate</c> and <c>db upgrade</c>: the existing tables become the baseline.</content>
public sealed partial class MigrationVerbsTests
{
    [Fact]
    public async Task Upgrade_WhenCreateDbMadeTheTablesBeforeTheFirstMigration_AdoptsThemAndKeepsTheRows()
    {
        await using var project = NotesProject(NewName("baseline")).Use<NotesV1App>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("insert into notes (title) values ('kept'); select 0");
        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "initial"));
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));

        var upgraded = await project.RunAsync("db", "upgrade");

        Assert.True(upgraded == 0, project.Everything);
        Assert.Contains("adopted the existing tables as", project.Output, StringComparison.Ordinal);
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from \"__EFMigrationsHistory\" where \"MigrationId\" like '%_Initial'"));
        Assert.Equal("kept", await project.ScalarAsync<string>("select title from notes"));

        // Later migrations apply as usual on the adopted baseline.
        project.Use<NotesV2App>();
        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "add tag"));
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));
        Assert.True(await project.RunAsync("db", "upgrade") == 0, project.Everything);
        Assert.Equal(2L, await project.ScalarAsync<long>("select count(*) from \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task Upgrade_WhenTheExistingTablesDifferFromTheFirstMigration_FailsSayingWhatDiffersAndWhatToRun()
    {
        await using var project = NotesProject(NewName("baseline_differs")).Use<NotesV1App>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("alter table notes add column extra integer; select 0");
        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "initial"));
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));

        var upgraded = await project.RunAsync("db", "upgrade");

        Assert.Equal(1, upgraded);
        Assert.Contains("database has, migration lacks: notes.extra integer", project.Error, StringComparison.Ordinal);
        Assert.Contains("run `fwk reset_db --yes`", project.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("42P07", project.Everything, StringComparison.Ordinal);
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from information_schema.tables where table_name = '__EFMigrationsHistory'"));
    }
}
