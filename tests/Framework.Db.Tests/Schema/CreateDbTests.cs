using System.Collections;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Schema;

/// <summary><c>create_db</c>: the database through the admin database, then every missing table of the active apps.</summary>
[Collection("postgres")]
public sealed class CreateDbTests(PostgresFixture fixture)
{
    [Fact]
    public async Task CreateDb_OnEmptyServer_CreatesDatabaseAndEveryTable()
    {
        var name = NewName("create");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>().Add<BooksApp>();
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, name));

        var exitCode = await project.RunAsync("create_db");

        Assert.True(exitCode == 0, project.Everything);
        Assert.True(await DbTestProject.DatabaseExistsAsync(fixture, name));
        Assert.Equal(["authors", "books", "fwk_idempotency_keys"], await project.TablesAsync(framework: true));
        Assert.Contains($"Database '{name}': created", project.Output, StringComparison.Ordinal);
        Assert.Contains("Fwk: created fwk_idempotency_keys", project.Output, StringComparison.Ordinal);
        Assert.Contains("AuthorsApp: created authors", project.Output, StringComparison.Ordinal);
        Assert.Contains("BooksApp: created books", project.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, project.Error);
    }

    [Fact]
    public async Task CreateDb_RunTwice_SecondRunCreatesNothing()
    {
        var name = NewName("twice");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>().Add<BooksApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("insert into authors (name) values ('kept'); select 0");
        var firstOutput = project.Output;

        var exitCode = await project.RunAsync("create_db");

        Assert.True(exitCode == 0, project.Everything);
        var second = project.Output[firstOutput.Length..];
        Assert.Contains($"Database '{name}': exists", second, StringComparison.Ordinal);
        Assert.Contains("AuthorsApp: nothing to create", second, StringComparison.Ordinal);
        Assert.Contains("BooksApp: nothing to create", second, StringComparison.Ordinal);
        Assert.DoesNotContain("created", second, StringComparison.Ordinal);
        Assert.Equal(["authors", "books"], await project.TablesAsync());
        Assert.Equal("kept", await project.ScalarAsync<string>("select name from authors"));
    }

    [Fact]
    public async Task CreateDb_WhenOneAppsTablesExist_CreatesOnlyMissing()
    {
        var name = NewName("partial");
        await using (var authorsOnly = new DbTestProject(fixture, name).Add<AuthorsApp>())
        {
            Assert.Equal(0, await authorsOnly.RunAsync("create_db"));
            Assert.Contains("AuthorsApp: created authors", authorsOnly.Output, StringComparison.Ordinal);
            Assert.Equal(["authors"], await authorsOnly.TablesAsync());
            await authorsOnly.ScalarAsync<int>("insert into authors (name) values ('already here'); select 0");
        }

        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>().Add<BooksApp>();
        var exitCode = await project.RunAsync("create_db");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Contains("AuthorsApp: nothing to create", project.Output, StringComparison.Ordinal);
        Assert.Contains("BooksApp: created books", project.Output, StringComparison.Ordinal);
        Assert.Equal(["authors", "books"], await project.TablesAsync());
        Assert.Equal("already here", await project.ScalarAsync<string>("select name from authors"));
        // The new table's key to the existing table was created with it.
        Assert.Equal("authors", await project.ScalarAsync<string>("""
            select ccu.table_name::text from information_schema.table_constraints tc
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
            where tc.table_name = 'books' and tc.constraint_type = 'FOREIGN KEY'
            """));
        // The existing table's key to the new table could not exist before; it is added now.
        Assert.Equal("books", await project.ScalarAsync<string>("""
            select ccu.table_name::text from information_schema.table_constraints tc
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
            where tc.table_name = 'authors' and tc.constraint_type = 'FOREIGN KEY'
            """));
    }

    [Fact]
    public async Task CreateDb_WhenOnlySomeTablesOfAnAppExist_CreatesTheRest()
    {
        var name = NewName("onetable");
        await using var project = new DbTestProject(fixture, name).Add<AuthorsApp>().Add<BooksApp>().Add<ProbesApp>();
        Assert.Equal(0, await project.RunAsync("create_db"));
        await project.ScalarAsync<int>("drop table probes; select 0");

        var exitCode = await project.RunAsync("create_db");

        Assert.True(exitCode == 0, project.Everything);
        Assert.Equal(["authors", "books", "probes"], await project.TablesAsync());
        Assert.Contains("ProbesApp: created probes\nFwk: nothing to create", project.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // The unique index of the recreated table came back with it.
        Assert.Equal(1L, await project.ScalarAsync<long>("select count(*) from pg_indexes where tablename = 'probes' and indexdef like 'CREATE UNIQUE INDEX%(marker)'"));
    }

    [Fact]
    public async Task CreateDb_WhenNameNeedsQuoting_CreatesExactlyThatDatabase()
    {
        var name = $"My-DB \"quoted\" {Guid.NewGuid().ToString("N")[..8]}";
        var variables = new Hashtable { ["FWK_DATABASE__NAME"] = name };
        await using var project = new DbTestProject(fixture, "placeholder", variables: variables).Add<AuthorsApp>().Add<BooksApp>();

        var exitCode = await project.RunAsync("create_db");

        Assert.True(exitCode == 0, project.Everything);
        Assert.True(await DbTestProject.DatabaseExistsAsync(fixture, name));
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, "placeholder"));
        Assert.Equal(2L, await DbTestProject.ScalarAsync<long>(fixture, name, "select count(*) from information_schema.tables where table_schema = 'public' and table_name in ('authors', 'books')"));
        Assert.Contains($"Database '{name}': created", project.Output, StringComparison.Ordinal);

        Assert.Equal(0, await project.RunAsync("drop_db", "--yes"));
        Assert.False(await DbTestProject.DatabaseExistsAsync(fixture, name));
    }

    [Fact]
    public async Task CreateDb_ModelsOfTwoAppsReferenceEachOther_CreatesKeysBothWays()
    {
        var name = NewName("fks");
        await using var project = new DbTestProject(fixture, name).Add<BooksApp>(); // the authors app comes with it (dependency)

        Assert.Equal(0, await project.RunAsync("create_db"));

        var keys = await project.ScalarAsync<string[]>("""
            select array_agg(format('%s.%s->%s.%s', kcu.table_name, kcu.column_name, ccu.table_name, ccu.column_name) order by kcu.table_name)
            from information_schema.table_constraints tc
            join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
            where tc.constraint_type = 'FOREIGN KEY'
            """);
        Assert.Equal(["authors.favorite_book_id->books.id", "books.author_id->authors.id"], keys);
    }

    private static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
