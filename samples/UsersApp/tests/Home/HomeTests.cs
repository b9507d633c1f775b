using System.Net;
using System.Net.Http.Json;

namespace Sample.Tests.Home;

/// <summary>The front door: <c>GET /</c>, <c>/health</c> of both databases, the OpenAPI document and the docs page.</summary>
public sealed class HomeTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task GetRoot_AnswersTheFrameworkNameAndVersion()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var home = await (await app.Client.GetAsync("/")).ReadSuccessAsync<HomeInfo>();

        Assert.Equal("Fwk", home.Framework);
        Assert.Matches(@"^\d+\.\d+\.\d+$", home.Version);
    }

    [Fact]
    public async Task Health_ChecksBothDatabasesAndTellsTheJobQueuesDepth()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        await app.Client.PostAsJsonAsync("/users", new { name = "Grace Hopper", email = "grace@example.com" });

        var health = await (await app.Client.GetAsync("/health")).ReadSuccessAsync<Health>();

        Assert.Equal(new Dictionary<string, string> { ["database"] = "healthy", ["database.audit"] = "healthy", ["jobs"] = "healthy" }, health.Checks);
        Assert.Equal(1, health.Details["jobs"]["due"]);
    }

    [Fact]
    public async Task Docs_ServeThePageAndTheOpenApiDocumentOfEveryRoute()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        using var docs = await app.Client.GetAsync("/docs/");
        using var document = await app.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var paths = await document.Content.ReadAsStringAsync();
        Assert.Contains("\"/users/{id}/cars\"", paths, StringComparison.Ordinal);
        Assert.Contains("\"/audit\"", paths, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Answers1001InTheEnvelope()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var error = await (await app.Client.GetAsync("/nothing-here")).ReadErrorAsync();

        Assert.Equal((HttpStatusCode.NotFound, ErrorCodes.NotFound), (error.Status, error.Code));
    }

    private sealed record HomeInfo(string Framework, string Version);

    private sealed record Health(Dictionary<string, string> Checks, Dictionary<string, Dictionary<string, long>> Details);
}
