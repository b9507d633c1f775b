namespace Fwk.Cli;

/// <summary>The test class of a CRUD app (see <see cref="CrudTemplates"/>): one test per route, and its errors.</summary>
internal static class CrudTestTemplates
{
    /// <summary>
    /// <c>tests/NAMEAppTests.cs</c>: create (201, Location), a validation failure (400, 1002 naming the field), get, a
    /// missing id (404 with the app's code), the list and its paging, replace and delete.
    /// </summary>
    public static string AppTests(CrudApp app) => $$"""
        using System.Net;
        using System.Net.Http.Json;
        using Fwk;
        using Fwk.Db;
        using {{app.RootNamespace}}.{{app.Name}};

        namespace {{app.RootNamespace}}.Tests;

        /// <summary>The {{app.Name}} app's routes, each test on a database of its own (see Fwk.Testing).</summary>
        public sealed class {{app.Name}}AppTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
        {
            [Fact]
            public async Task Post_Creates{{app.Model}}_201WithItsLocation()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);

                var response = await app.Client.PostAsJsonAsync("{{app.Path}}", new { name = "First", description = "The first one" });
                var created = await response.ReadSuccessAsync<{{app.Model}}>();

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Assert.Equal($"{{app.Path}}/{created.Id}", response.Headers.Location?.OriginalString);
                Assert.Equal(("First", "The first one"), (created.Name, created.Description));
            }

            [Fact]
            public async Task Post_WhenNameMissing_Answers1002NamingTheField()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);

                var error = await (await app.Client.PostAsJsonAsync("{{app.Path}}", new { description = "No name" })).ReadErrorAsync();

                Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (error.Status, error.Code));
                Assert.Equal(["name"], error.Fields.Keys);
            }

            [Fact]
            public async Task Get_Answers{{app.Model}}()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);
                var id = await AddAsync(app, "First");

                var item = await (await app.Client.GetAsync($"{{app.Path}}/{id}")).ReadSuccessAsync<{{app.Model}}>();

                Assert.Equal((id, "First"), (item.Id, item.Name));
                Assert.Null(item.Description);
            }

            [Fact]
            public async Task Get_WhenMissing_Answers404WithTheAppsCode()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);

                var error = await (await app.Client.GetAsync("{{app.Path}}/999")).ReadErrorAsync();

                Assert.Equal((HttpStatusCode.NotFound, {{app.Name}}App.{{app.Model}}NotFound), (error.Status, error.Code));
                Assert.Equal("{{app.Model}} '999' does not exist", error.Message);
            }

            [Fact]
            public async Task List_PagesWithOffsetAndLimit()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);
                foreach (var name in new[] { "A", "B", "C" })
                {
                    await AddAsync(app, name);
                }

                var all = await (await app.Client.GetAsync("{{app.Path}}")).ReadSuccessAsync<Page<{{app.Model}}>>();
                var page = await (await app.Client.GetAsync("{{app.Path}}?offset=1&limit=1")).ReadSuccessAsync<Page<{{app.Model}}>>();
                var error = await (await app.Client.GetAsync("{{app.Path}}?limit=0")).ReadErrorAsync();

                Assert.Equal(3, all.Count);
                Assert.Equal(["A", "B", "C"], all.Items.Select(i => i.Name));
                Assert.Equal(3, page.Count);
                Assert.Equal(["B"], page.Items.Select(i => i.Name));
                Assert.Equal(["limit"], error.Fields.Keys);
            }

            [Fact]
            public async Task Put_Replaces{{app.Model}}()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);
                var id = await AddAsync(app, "Old");

                var replaced = await (await app.Client.PutAsJsonAsync($"{{app.Path}}/{id}", new { name = "New", description = "Replaced" })).ReadSuccessAsync<{{app.Model}}>();
                var item = await (await app.Client.GetAsync($"{{app.Path}}/{id}")).ReadSuccessAsync<{{app.Model}}>();

                Assert.Equal((id, "New", "Replaced"), (replaced.Id, replaced.Name, replaced.Description));
                Assert.Equal(("New", "Replaced"), (item.Name, item.Description));
            }

            [Fact]
            public async Task Delete_Removes{{app.Model}}_ThenGetAnswers404()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);
                var id = await AddAsync(app, "Gone");

                using var deleted = await app.Client.DeleteAsync($"{{app.Path}}/{id}");
                var error = await (await app.Client.GetAsync($"{{app.Path}}/{id}")).ReadErrorAsync();

                Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
                Assert.Equal({{app.Name}}App.{{app.Model}}NotFound, error.Code);
            }

            // Arranges a row directly, as a request would save it.
            private static Task<int> AddAsync(FwkTestApp app, string name) => app.WithSessionAsync(async db =>
            {
                var item = db.Add(new {{app.Model}} { Name = name }).Entity;
                await db.SaveChangesAsync();
                return item.Id;
            });
        }

        """;
}
