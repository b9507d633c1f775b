using System.Net;
using System.Text.Json;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db.Tests.Sessions;

/// <summary>
/// The read session's helpers: one row by key and a page with the total count, through Fwk's own SQL for a plain table and
/// through EF Core for other models, with the same answers.
/// </summary>
[Collection("postgres")]
public sealed class ReadSessionTests(PostgresFixture fixture)
{
    [Fact]
    public async Task FindOr404_OnAPlainTable_ReadsEveryColumn_AndAnswersTheAppsCodeWhenMissing()
    {
        await using var project = await StartAsync("read_find");
        var id = await project.ScalarAsync<int>("insert into shelves (name, note, width_cm, added_at) values ('Top', null, 80.5, '2026-01-02T03:04:05Z') returning id");

        var shelf = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync($"/shelves/{id}"));

        Assert.Equal(id, shelf.GetProperty("id").GetInt32());
        Assert.Equal("Top", shelf.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, shelf.GetProperty("note").ValueKind);
        Assert.Equal(80.5m, shelf.GetProperty("width_cm").GetDecimal());
        Assert.Equal("2026-01-02T03:04:05Z", shelf.GetProperty("added_at").GetString());
        await Envelope.AssertErrorAsync(await project.Client.GetAsync($"/shelves/{id + 1}"), HttpStatusCode.NotFound, ShelfApp.NotFound);
    }

    [Fact]
    public async Task PageAsync_OnAPlainTable_ReturnsTheTotalAndOnePageInKeyOrder()
    {
        await using var project = await StartAsync("read_page");
        await project.ScalarAsync<int>("insert into shelves (name, added_at) select n, now() from unnest(array['E', 'D', 'C', 'B', 'A']) n returning 0");

        var page = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/shelves?offset=1&limit=2"));
        var past = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/shelves?offset=10&limit=2"));

        Assert.Equal(5, page.GetProperty("count").GetInt64());
        Assert.Equal(["D", "C"], Names(page));
        Assert.Equal(5, past.GetProperty("count").GetInt64());
        Assert.Empty(Names(past));
    }

    [Theory]
    [InlineData("/shelves?offset=0&limit=-1", "limit")]
    [InlineData("/shelves?offset=0&limit=0", "limit")]
    [InlineData("/shelves?offset=-1&limit=5", "offset")]
    [InlineData("/panels?offset=0&limit=-1", "limit")]
    [InlineData("/panels?offset=-5&limit=5", "offset")]
    public async Task PageAsync_WhenOffsetNegativeOrLimitBelowOne_Answers1002NamingTheField(string path, string field)
    {
        await using var project = await StartAsync("read_bad_page");

        var root = await Envelope.AssertErrorAsync(await project.Client.GetAsync(path), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);

        var data = root.GetProperty("data");
        Assert.Equal([field], data.EnumerateObject().Select(p => p.Name));
        Assert.Contains(field, Assert.Single(data.GetProperty(field).EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/shelves", "", 100)]
    [InlineData("/panels", "", 100)]
    [InlineData("/shelves", "max_page_size = 7", 7)]
    [InlineData("/panels", "max_page_size = 7", 7)]
    public async Task PageAsync_WhenLimitIsAboveTheMaximum_ReturnsAtMostMaxPageSizeRows(string path, string databaseLines, int expected)
    {
        await using var project = await StartAsync("read_cap", databaseLines);
        await project.ScalarAsync<int>("insert into shelves (name, added_at) select 's' || n, now() from generate_series(1, 150) n returning 0");
        await project.ScalarAsync<int>("insert into panel (finish) select 'Oak' from generate_series(1, 150) returning 0");

        var page = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync(path + "?offset=0&limit=1000000"));

        Assert.Equal(150, page.GetProperty("count").GetInt64());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TableReader_SelectsTheColumnsInTheOrderTheTableStoresThem()
    {
        await using var project = await StartAsync("read_order");
        var model = ((IServiceProvider)project.App.ServiceProvider).GetRequiredService<DatabaseBinds>().Default.RuntimeModel;

        var stored = await project.ScalarAsync<string>(
            "select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = 'shelves'::regclass and attnum > 0 and not attisdropped");

        Assert.Equal("id,name,note,width_cm,added_at", stored);
        Assert.Equal(stored, string.Join(',', TableReader<Shelf>.For(model)!.Columns));
    }

    [Fact]
    public async Task ReadSession_OnModelsThatAreNotPlainTables_ReadsThroughEfCore_WithTheSameAnswers()
    {
        await using var project = await StartAsync("read_other");
        var model = ((IServiceProvider)project.App.ServiceProvider).GetRequiredService<DatabaseBinds>().Default.RentSession().Model;
        Assert.NotNull(TableReader<Shelf>.For(model));
        Assert.Null(TableReader<Panel>.For(model));
        Assert.Null(TableReader<Slot>.For(model)?.KeyType);
        await project.ScalarAsync<int>("insert into panel (finish) values ('Oak'), ('Walnut') returning 0");
        var walnut = await project.ScalarAsync<long>("select id from panel where finish = 'Walnut'");
        await project.ScalarAsync<int>("insert into slot (shelf_id, position, label) values (1, 2, 'b'), (1, 1, 'a'), (2, 1, 'c') returning 0");

        var panel = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync($"/panels/{walnut}"));
        var panels = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/panels?offset=1&limit=5"));
        var slot = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/slots/1/2"));
        var slots = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/slots?offset=0&limit=2"));

        Assert.Equal((int)Finish.Walnut, panel.GetProperty("finish").GetInt32());
        Assert.Equal(2, panels.GetProperty("count").GetInt64());
        Assert.Equal(walnut, Assert.Single(panels.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal("b", slot.GetProperty("label").GetString());
        Assert.Equal(3, slots.GetProperty("count").GetInt64());
        Assert.Equal(["a", "b"], slots.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        await Envelope.AssertErrorAsync(await project.Client.GetAsync("/slots/3/3"), HttpStatusCode.NotFound, ShelfApp.NotFound);
    }

    [Fact]
    public async Task FindOr404_OnAPlainTable_WhenItsPooledConnectionWasCut_ReadsAgainOnANewConnection()
    {
        await using var project = await StartAsync("read_retry");
        var id = await project.ScalarAsync<int>("insert into shelves (name, added_at) values ('Kept', now()) returning id");
        await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync($"/shelves/{id}"));

        // The server ends the pooled connection the first read used; the next read gets it from the pool, fails, and retries.
        Assert.True(await project.ScalarAsync<long>(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name = 'fwk'") > 0);
        var shelf = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync($"/shelves/{id}"));

        Assert.Equal("Kept", shelf.GetProperty("name").GetString());
    }

    private static IEnumerable<string?> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString());

    private async Task<DbTestProject> StartAsync(string prefix, string databaseLines = "")
    {
        var project = new DbTestProject(fixture, await fixture.CreateDatabaseAsync(prefix), databaseLines).Add<ShelfApp>();
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
