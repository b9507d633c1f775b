using System.Diagnostics;
using Fwk.Db.Local;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Npgsql;

namespace Fwk.Db.Tests.Verbs;

/// <content>What migrations do to the schema and its rows: renames, tables across apps, the SQL script.</content>
public sealed partial class MigrationVerbsTests
{
    // Every column (type, length, nullability) and constraint of the public schema, in one comparable line.
    private const string SchemaQuery = """
        select (select string_agg(table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable, ', ' order by table_name, column_name)
                from information_schema.columns where table_schema = 'public')
            || ' | ' || (select string_agg(table_name || ' ' || constraint_type || ' ' || constraint_name, ', ' order by table_name, constraint_name)
                from information_schema.table_constraints where table_schema = 'public' and constraint_type <> 'CHECK')
        """;

    [Fact]
    public async Task Migrate_WhenAColumnIsRenamed_WritesARename_AndUpgradeKeepsItsValues()
    {
        await using var project = await MigratedAsync("renamed", ("initial", V2));
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("insert into notes (title) values ('one'), ('two'); select 0");
        project.Use<NotesRenamedApp>();

        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "title becomes heading"));
        var written = project.Output;
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));
        Assert.Equal(0, await project.RunAsync("db", "upgrade"));

        Assert.Contains("notes: rename column title to heading", written, StringComparison.Ordinal);
        Assert.DoesNotContain("drop column", written, StringComparison.Ordinal);
        Assert.Equal("one,two", await project.ScalarAsync<string>("select string_agg(heading, ',' order by id) from notes"));
    }

    [Fact]
    public async Task Migrate_WhenAnotherAppAddsATableReferencingNotes_CreatesItWithTheForeignKey_AndKeepsTheNotes()
    {
        await using var project = await MigratedAsync("referencing", ("initial", V2));
        Assert.Equal(0, await project.RunAsync("create_db"));
        var noteId = await project.ScalarAsync<int>("insert into notes (title) values ('kept') returning id");
        project.Add<CommentsApp>();

        Assert.Equal(0, await project.RunAsync("db", "migrate", "-m", "comments"));
        var written = project.Output;
        project.UseProjectAssembly(MigrationCompiler.Compile(project.Directory));
        Assert.Equal(0, await project.RunAsync("db", "upgrade"));

        Assert.Contains("CommentsApp: comments: create table", written, StringComparison.Ordinal);
        Assert.Equal(1L, await project.ScalarAsync<long>($"insert into comments (note_id, text) values ({noteId}, 'hi'); select count(*) from comments join notes on notes.id = comments.note_id"));
        await Assert.ThrowsAsync<PostgresException>(() => project.ScalarAsync<int>("insert into comments (note_id, text) values (-1, 'orphan'); select 0"));
    }

    [Fact]
    public async Task UpgradeSql_AppliedByPsql_GivesTheSameSchemaAsUpgrade()
    {
        await using var project = await MigratedAsync("script_schema", ("initial", V1), ("add tag", V2));
        var before = project.Output.Length;
        Assert.Equal(0, await project.RunAsync("db", "upgrade", "--sql"));
        var script = project.Output[before..];
        Assert.Equal(0, await project.RunAsync("db", "upgrade"));
        var scripted = await fixture.CreateDatabaseAsync("script_target");

        var psql = await PsqlAsync(scripted, script);

        Assert.True(psql.ExitCode == 0, psql.Output);
        Assert.Equal(await project.ScalarAsync<string>(SchemaQuery), await DbTestProject.ScalarAsync<string>(fixture, scripted, SchemaQuery));
    }

    private async Task<(int ExitCode, string Output)> PsqlAsync(string database, string script)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, script);
        try
        {
            var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString(database));
            var psql = PostgresBinaries.Tool(PostgresBinaries.FindDirectory(), "psql");
            var info = new ProcessStartInfo(psql, ["-h", server.Host!, "-p", $"{server.Port}", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-f", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
