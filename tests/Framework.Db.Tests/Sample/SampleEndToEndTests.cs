using System.Net;
using System.Text.Json;
using Fwk.Db.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Db.Tests.Sample;

/// <summary>
/// The real sample process (samples/UsersApp, its own Program.cs and config.ini) against the fixture's cluster: create_db,
/// init_project, then every route of SPEC §8 over HTTP on 127.0.0.1.
/// </summary>
[Collection("postgres")]
public sealed class SampleEndToEndTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan VerbLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sample_EveryRoute_EndToEnd()
    {
        var database = $"sample_{Guid.NewGuid():N}"[..19];
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["FWK_DATABASE__HOST"] = fixture.Cluster.SocketDirectory,
            ["FWK_DATABASE__PORT"] = fixture.Cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FWK_DATABASE__NAME"] = database,
            ["FWK_NETWORKING__URLS"] = $"http://127.0.0.1:{port}",
        };

        var create = await SampleProcess.RunAsync(["create_db"], environment, VerbLimit);
        Assert.True(create.ExitCode == 0, create.Output);
        Assert.Contains($"Database '{database}': created", create.Output, StringComparison.Ordinal);
        Assert.Matches(@"default: applied \d{14}_Initial, \d{14}_AddColorToCars; now at \d{14}_AddColorToCars", create.Output);
        Assert.Equal(3L, await DbTestProject.ScalarAsync<long>(fixture, database, "select count(*) from information_schema.tables where table_schema = 'public'"));

        var init = await SampleProcess.RunAsync(["init_project"], environment, VerbLimit);
        Assert.True(init.ExitCode == 0, init.Output);

        using var server = SampleProcess.Start([], environment);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitUntilServingAsync(server, client);
            await ExerciseEveryRouteAsync(client);
        }
        finally
        {
            output.WriteLine(server.Output);
        }
    }

    private static async Task ExerciseEveryRouteAsync(HttpClient client)
    {
        // GET /: framework name and version.
        var home = await Envelope.AssertSuccessDataAsync(await client.GetAsync("/"));
        Assert.Equal("Fwk", home.GetProperty("framework").GetString());
        Assert.False(string.IsNullOrWhiteSpace(home.GetProperty("version").GetString()));

        // GET /users: the two users seeded by init_project.
        var seeded = await Envelope.AssertSuccessDataAsync(await client.GetAsync("/users"));
        Assert.Equal(2, seeded.GetProperty("count").GetInt32());
        Assert.Equal(["ada@example.com", "alan@example.com"], seeded.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()));

        // POST /users → 201 with the new user and its location.
        var createdResponse = await client.PostAsync("/users", Envelope.Json(new { name = "Grace Hopper", email = "grace@example.com" }));
        var grace = await Envelope.AssertSuccessDataAsync(createdResponse, HttpStatusCode.Created);
        var id = grace.GetProperty("id").GetInt32();
        Assert.Equal("Grace Hopper", grace.GetProperty("name").GetString());
        Assert.Equal("grace@example.com", grace.GetProperty("email").GetString());
        Assert.Equal($"/users/{id}", createdResponse.Headers.Location?.OriginalString);

        // Validation → 400, code 1002, a message list per field.
        var invalid = await Envelope.AssertErrorAsync(
            await client.PostAsync("/users", Envelope.Json(new { name = "", email = "not-an-email" })), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var fields = invalid.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(["email", "name"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(fields.Values, messages => Assert.NotEmpty(messages));
        await Envelope.AssertErrorAsync(await client.PostAsync("/users", Envelope.Json(new { name = "No Email" })), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);

        // Duplicate email → 409, code 1008; nothing added.
        await Envelope.AssertErrorAsync(
            await client.PostAsync("/users", Envelope.Json(new { name = "Grace Again", email = "grace@example.com" })), HttpStatusCode.Conflict, ErrorCodes.Conflict);

        // Paging: ?limit=&offset= over the total count.
        foreach (var (name, email) in new[] { ("Edsger Dijkstra", "edsger@example.com"), ("Barbara Liskov", "barbara@example.com") })
        {
            await Envelope.AssertSuccessDataAsync(await client.PostAsync("/users", Envelope.Json(new { name, email })), HttpStatusCode.Created);
        }

        var page = await Envelope.AssertSuccessDataAsync(await client.GetAsync("/users?limit=2&offset=1"));
        Assert.Equal(5, page.GetProperty("count").GetInt32());
        Assert.Equal(["alan@example.com", "grace@example.com"], page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()));
        var last = await Envelope.AssertSuccessDataAsync(await client.GetAsync("/users?limit=10&offset=4"));
        Assert.Equal(5, last.GetProperty("count").GetInt32());
        Assert.Single(last.GetProperty("items").EnumerateArray());
        await Envelope.AssertErrorAsync(await client.GetAsync("/users?limit=0"), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);

        // GET /users/{id} and the app's own 404 (code 1101).
        var found = await Envelope.AssertSuccessDataAsync(await client.GetAsync($"/users/{id}"));
        Assert.Equal("Grace Hopper", found.GetProperty("name").GetString());
        await Envelope.AssertErrorAsync(await client.GetAsync("/users/999999"), HttpStatusCode.NotFound, 1101);

        // PUT replaces, PATCH changes only what is given.
        var replaced = await Envelope.AssertSuccessDataAsync(
            await client.PutAsync($"/users/{id}", Envelope.Json(new { name = "Grace B. Hopper", email = "gbh@example.com" })));
        Assert.Equal("gbh@example.com", replaced.GetProperty("email").GetString());
        var patched = await Envelope.AssertSuccessDataAsync(await client.PatchAsync($"/users/{id}", Envelope.Json(new { name = "Amazing Grace" })));
        Assert.Equal("Amazing Grace", patched.GetProperty("name").GetString());
        Assert.Equal("gbh@example.com", patched.GetProperty("email").GetString());
        var reread = await Envelope.AssertSuccessDataAsync(await client.GetAsync($"/users/{id}"));
        Assert.Equal("Amazing Grace", reread.GetProperty("name").GetString());
        Assert.Equal("gbh@example.com", reread.GetProperty("email").GetString());
        await Envelope.AssertErrorAsync(await client.PutAsync("/users/999999", Envelope.Json(new { name = "Nobody", email = "nobody@example.com" })), HttpStatusCode.NotFound, 1101);
        await Envelope.AssertErrorAsync(
            await client.PatchAsync($"/users/{id}", Envelope.Json(new { email = "ada@example.com" })), HttpStatusCode.Conflict, ErrorCodes.Conflict);

        // GET/POST /users/{id}/cars: the relation across the two apps.
        var car = await Envelope.AssertSuccessDataAsync(
            await client.PostAsync($"/users/{id}/cars", Envelope.Json(new { name = "Beetle", model = "Type 1", doors = 2 })), HttpStatusCode.Created);
        Assert.Equal(id, car.GetProperty("user_id").GetInt32());
        Assert.Equal(2, car.GetProperty("doors").GetInt32());
        var cars = await Envelope.AssertSuccessDataAsync(await client.GetAsync($"/users/{id}/cars"));
        Assert.Equal(1, cars.GetProperty("count").GetInt32());
        Assert.Equal("Beetle", Assert.Single(cars.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        await Envelope.AssertErrorAsync(
            await client.PostAsync($"/users/{id}/cars", Envelope.Json(new { name = "Bus", model = "T2", doors = 11 })), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await Envelope.AssertErrorAsync(
            await client.PostAsync("/users/999999/cars", Envelope.Json(new { name = "Ghost", model = "X", doors = 4 })), HttpStatusCode.NotFound, 1101);
        await Envelope.AssertErrorAsync(await client.GetAsync("/users/999999/cars"), HttpStatusCode.NotFound, 1101);

        // DELETE, then the user (and its cars) are gone.
        var deleted = await client.DeleteAsync($"/users/{id}");
        await Envelope.AssertSuccessDataAsync(deleted);
        await Envelope.AssertErrorAsync(await client.GetAsync($"/users/{id}"), HttpStatusCode.NotFound, 1101);
        await Envelope.AssertErrorAsync(await client.DeleteAsync($"/users/{id}"), HttpStatusCode.NotFound, 1101);
        Assert.Equal(4, (await Envelope.AssertSuccessDataAsync(await client.GetAsync("/users"))).GetProperty("count").GetInt32());

        // /health, the docs page, an unknown route, and (last: see below) the OpenAPI document.
        var health = await Envelope.AssertSuccessDataAsync(await client.GetAsync("/health"));
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("database").GetString());
        var docsPath = "/docs";
        using (var redirect = await client.GetAsync(docsPath))
        {
            // Scalar may send /docs to /docs/ first.
            if (redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently)
            {
                docsPath = new Uri(new Uri(client.BaseAddress!, docsPath), redirect.Headers.Location!).AbsolutePath;
                Assert.Equal("/docs/", docsPath);
            }
        }

        using var docs = await client.GetAsync(docsPath);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
        var docsHtml = await docs.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", docsHtml, StringComparison.Ordinal); // the page loads the document
        using var docsScript = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, docsPath), "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, docsScript.StatusCode); // and its script is served
        await Envelope.AssertErrorAsync(await client.GetAsync("/nothing-here"), HttpStatusCode.NotFound, ErrorCodes.NotFound);

        // Checked last so that every other route is verified even while this one fails.
        using var openApi = await client.GetAsync("/openapi/v1.json");
        var openApiBody = await openApi.Content.ReadAsStringAsync();
        Assert.True(openApi.StatusCode == HttpStatusCode.OK, $"GET /openapi/v1.json answered {(int)openApi.StatusCode}: {openApiBody}");
        var document = JsonDocument.Parse(openApiBody).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/users", paths);
        Assert.Contains("/users/{id}", paths);
        Assert.Contains("/users/{id}/cars", paths);
    }

    private static async Task WaitUntilServingAsync(SampleProcess server, HttpClient client)
    {
        await Wait.UntilAsync(
            async () =>
            {
                Assert.False(server.HasExited, $"The sample exited ({(server.HasExited ? server.ExitCode : 0)}) before serving:\n{server.Output}");
                try
                {
                    using var response = await client.GetAsync("/");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "the sample to serve",
            TimeSpan.FromMilliseconds(100));
    }
}
