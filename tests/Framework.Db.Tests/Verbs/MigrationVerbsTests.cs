using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Npgsql;

namespace Fwk.Db.Tests.Verbs;

/// <summary>
/// The migration verbs on a project that evolves: each step runs <c>db migrate</c>, compiles what it wrote (as the
/// project's build would) and carries on with the next version of the notes app.
/// </summary>
[Collection("postgres")]
public sealed partial class MigrationVerbsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Migrate_OnANewProject_WritesTheInitialMigrationListingEachTable()
    {
        await using var project = NotesProject(NewName("initial")).Use<NotesV1App>();

        var exitCode = await project.RunAsync("db", "migrate", "-m", "initial schema");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Contains("NotesV1App: notes: create table (id, title)", project.Output, StringComparison.Ordinal);
        var files = Directory.GetFiles(Path.Combine(project.Directory, "Migrations")).Select(Path.GetFileName).ToList();
        var migration = Assert.Single(files, file => file!.EndsWith("_InitialSchema.cs", StringComparison.Ordinal));
        Assert.Matches(@"^\d{14}_InitialSchema\.cs$", migration);
        Assert.Contains(migration![..^3] + ".Designer.cs", files);
        Assert.Contains("SessionModelSnapshot.cs", files);
        Assert.Equal(3, files.Count);
        Assert.Contains("namespace Notes.Migrations", await File.ReadAllTextAsync(Path.Combine(project.Directory, "Migrations", migration)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhenTheModelDidNotChange_SaysSoAndWritesNothing()
    {
        await using var project = await MigratedAsync("unchanged", ("initial", V1));
        var before = Directory.GetFiles(Path.Combine(project.Directory, "Migrations")).Length;

        var exitCode = await project.RunAsync("db", "migrate", "-m", "again");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Contains("default: no changes in the model since the last migration; nothing written.", project.Output, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(project.Directory, "Migrations")).Length);
    }

    [Fact]
    public async Task Migrate_AfterAModelChange_WritesOnlyTheChange_AndUpgradeKeepsEveryRow()
    {
        await using var project = await MigratedAsync("keeps_rows", ("initial", V1));
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("insert into notes (title) values ('one'), ('two'), ('three'); select 0");
        project.Use<NotesV2App>();

        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "add tag to notes"));
        var written = project.Output;
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));
        var upgraded = await project.RunAsync("db", "upgrade");

        Assert.True(upgraded == 0, project.Everything);
        Assert.Contains("NotesV2App: notes: add column tag (character varying(30), nullable)", written, StringComparison.Ordinal);
        Assert.DoesNotContain("create table", written[written.IndexOf("_AddTagToNotes", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain(OperationDescriber.LossMarker, written, StringComparison.Ordinal);
        Assert.Matches(@"default: applied \d{14}_AddTagToNotes; now at \d{14}_AddTagToNotes", project.Output);
        Assert.Equal(3L, await project.ScalarAsync<long>("select count(*) from notes where tag is null"));
    }

    [Fact]
    public async Task Migrate_WhenAChangeCanLoseData_WritesItAndFlagsIt()
    {
        await using var project = await MigratedAsync("lossy", ("initial", V2));
        project.Use<NotesV3App>();
        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "shorter titles"));
        var narrowed = project.Output;
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory)).Use<NotesV1App>();
        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "drop tag"));
        var dropped = project.Output[narrowed.Length..];

        Assert.Contains($"NotesV3App: notes: alter column title (type character varying(200) → character varying(20)){OperationDescriber.LossMarker}", narrowed, StringComparison.Ordinal);
        Assert.Contains("1 operation(s) may lose data", narrowed, StringComparison.Ordinal);
        Assert.Contains($"notes: drop column tag{OperationDescriber.LossMarker}", dropped, StringComparison.Ordinal);
        Assert.Equal(7, Directory.GetFiles(Path.Combine(project.Directory, "Migrations")).Length);
    }

    [Fact]
    public async Task Upgrade_WhenAMigrationFails_LeavesTheDatabaseAsBeforeThatMigration()
    {
        await using var project = await MigratedAsync("fails", ("initial", V1));
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory, BrokenMigration));

        var exitCode = await project.RunAsync("create_db");

        Assert.Equal(1, exitCode);
        Assert.Contains("division by zero", project.Error, StringComparison.Ordinal);
        Assert.Equal(["__EFMigrationsHistory", "notes"], await project.TablesAsync());
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task Upgrade_FromEightInstancesAtOnce_EachMigrationIsAppliedOnce_TheOthersWaitThenFindNothing()
    {
        var name = NewName("many");
        await using var source = await MigratedOnAsync(name, ("initial", V1), ("add tag", V2));
        var migrations = MigrationCompiler.Compile(source.Directory);
        var instances = Enumerable.Range(0, 8).Select(_ => new DbTestProject(fixture, name).Use<NotesV2App>().UseProjectAssembly(migrations)).ToList();
        try
        {
            Assert.Equal(0, await source.RunAsync("create_db"));
            Assert.Equal(0, await source.RunAsync("db", "downgrade", "0", "--yes"));

            // Hold the lock, so every instance has to wait for it, then let them all go at once.
            await using var holder = new NpgsqlConnection(fixture.ConnectionString(name));
            await holder.OpenAsync();
            await using (var take = new NpgsqlCommand($"select pg_advisory_lock({MigrationLock.Key})", holder))
            {
                await take.ExecuteNonQueryAsync();
            }

            var runs = instances.Select(instance => instance.RunAsync("db", "upgrade")).ToList();
            await Wait.UntilAsync(() => Task.FromResult(instances.All(i => i.Output.Contains("waiting for the migration lock", StringComparison.Ordinal))), TimeSpan.FromSeconds(60), "every instance to wait for the lock");
            await using (var release = new NpgsqlCommand($"select pg_advisory_unlock({MigrationLock.Key})", holder))
            {
                await release.ExecuteNonQueryAsync();
            }

            var exitCodes = await Task.WhenAll(runs);

            Assert.All(exitCodes, exitCode => Assert.Equal(0, exitCode));
            Assert.Single(instances, i => i.Output.Contains("default: applied", StringComparison.Ordinal));
            Assert.Equal(7, instances.Count(i => i.Output.Contains("default: up to date at", StringComparison.Ordinal)));
            Assert.Equal(2L, await source.ScalarAsync<long>("select count(*) from \"__EFMigrationsHistory\""));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Downgrade_StepByStep_ThenToZero_RevertsNewestFirst()
    {
        await using var project = await MigratedAsync("down", ("initial", V1), ("add tag", V2));
        Assert.Equal(0, await project.RunAsync("create_db"));

        Assert.Equal(0, await project.RunAsync("db", "downgrade", "--yes"));
        Assert.Matches(@"default: reverted \d{14}_AddTag; now at \d{14}_Initial", project.Output);
        Assert.Equal(0L, await project.ScalarAsync<long>("select count(*) from information_schema.columns where table_name = 'notes' and column_name = 'tag'"));

        Assert.Equal(0, await project.RunAsync("db", "downgrade", "0", "--yes"));
        Assert.Matches(@"default: reverted \d{14}_Initial; now at none", project.Output);
        Assert.Equal(["__EFMigrationsHistory"], await project.TablesAsync());
    }

    [Fact]
    public async Task Downgrade_WithoutYesWhenNobodyCanAnswer_RefusesAndRevertsNothing()
    {
        await using var project = await MigratedAsync("refuse", ("initial", V1));
        Assert.Equal(0, await project.RunAsync("create_db"));

        var exitCode = await project.RunAsync("db", "downgrade");

        Assert.Equal(2, exitCode);
        Assert.Contains("Refusing without --yes", project.Error, StringComparison.Ordinal);
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task HistoryAndCurrent_ShowAppliedAndPending_NewestLast()
    {
        await using var project = await MigratedAsync("history", ("initial", V1), ("add tag", V2));
        Assert.Equal(0, await project.RunAsync("db", "upgrade", "Initial"));

        Assert.Equal(0, await project.RunAsync("db", "history"));
        Assert.Equal(0, await project.RunAsync("db", "current"));

        Assert.Matches(@"  \d{14}_Initial  applied\n  \d{14}_AddTag  pending\n", project.Output.ReplaceLineEndings("\n"));
        Assert.Matches(@"default: \d{14}_Initial \(1 pending: \d{14}_AddTag\)", project.Output);
    }

    [Fact]
    public async Task Check_WhenTheModelHasChangesNoMigrationHolds_ExitsOneListingThem()
    {
        await using var project = await MigratedAsync("check", ("initial", V1));
        Assert.Equal(0, await project.RunAsync("db", "check"));
        Assert.Contains("default: the migrations hold every change of the model.", project.Output, StringComparison.Ordinal);
        project.Use<NotesV2App>();

        var exitCode = await project.RunAsync("db", "check");

        Assert.Equal(1, exitCode);
        Assert.Contains("default: the model has 1 change(s) no migration holds:", project.Output, StringComparison.Ordinal);
        Assert.Contains("NotesV2App: notes: add column tag", project.Output, StringComparison.Ordinal);
        Assert.Contains("db migrate", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpgradeSql_PrintsAnIdempotentScript_WithoutTouchingTheDatabase()
    {
        await using var project = await MigratedAsync("script", ("initial", V1));

        var exitCode = await project.RunAsync("db", "upgrade", "--sql");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Contains("CREATE TABLE notes", project.Output, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\"", project.Output, StringComparison.Ordinal);
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, project.Database));
    }

    [Fact]
    public async Task Startup_WithPendingMigrations_WarnsNamingThem()
    {
        await using var project = await MigratedAsync("pending", ("initial", V1), ("add tag", V2));
        Assert.Equal(0, await project.RunAsync("db", "upgrade", "Initial"));

        await project.StartAsync();

        Assert.Contains(project.Logs.Lines, line => line.Contains("Warning", StringComparison.Ordinal) && line.Contains("1 pending migration(s)", StringComparison.Ordinal) && line.Contains("_AddTag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_WithMigrateOnStartup_AppliesThemBeforeServing()
    {
        var name = NewName("on_startup");
        await using var source = await MigratedOnAsync(name, ("initial", V1), ("add tag", V2));
        await using var project = new DbTestProject(fixture, name, "migrate_on_startup = true").Use<NotesV2App>().UseProjectAssembly(MigrationCompiler.Compile(source.Directory));
        Assert.Equal(0, await project.RunAsync("db", "upgrade", "Initial"));

        await project.StartAsync();

        Assert.Equal(2L, await project.ScalarAsync<long>("select count(*) from \"__EFMigrationsHistory\""));
        var count = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/notes/count"));
        Assert.Equal(0, count.GetProperty("count").GetInt32());
    }

    // A migration written by hand after the initial one: it creates a table, then fails.
    private const string BrokenMigration = """
        using Fwk.Db;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Notes.Migrations;

        [DbContext(typeof(Session))]
        [Migration("29991231000000_Broken")]
        public sealed class Broken : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql("CREATE TABLE broken (id integer)");
                migrationBuilder.Sql("SELECT 1 / 0");
            }
        }
        """;

    private static readonly Action<DbTestProject> V1 = project => project.Use<NotesV1App>();

    private static readonly Action<DbTestProject> V2 = project => project.Use<NotesV2App>();

    private static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private DbTestProject NotesProject(string database)
    {
        var project = new DbTestProject(fixture, database);
        File.WriteAllText(Path.Combine(project.Directory, "Notes.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><RootNamespace>Notes</RootNamespace></PropertyGroup></Project>");
        return project;
    }

    // A notes project on a new database whose migrations (one per step: the app version, then db migrate) are compiled in.
    private Task<DbTestProject> MigratedAsync(string prefix, params (string Message, Action<DbTestProject> Version)[] steps) =>
        MigratedOnAsync(NewName(prefix), steps);

    private async Task<DbTestProject> MigratedOnAsync(string database, params (string Message, Action<DbTestProject> Version)[] steps)
    {
        var project = NotesProject(database);
        foreach (var (message, version) in steps)
        {
            version(project);
            Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", message));
            project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));
        }

        return project;
    }
}
