using System.Text.Json.Nodes;

namespace Sample.Tests.OpenApi;

/// <summary>
/// The sample's OpenAPI document: what it says of the users routes, and that OpenApi/users-api.json, which the generated
/// client is built from, is the document the sample serves.
/// </summary>
public sealed class OpenApiDocumentTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    private const string SnapshotPath = "samples/UsersApp/tests/OpenApi/users-api.json";

    [Fact]
    public async Task Document_IsTheOneTheClientIsGeneratedFrom()
    {
        var served = await ServedAsync();
        var snapshot = Path.Combine(RepositoryFiles.Root, SnapshotPath);

        var same = File.Exists(snapshot) && (await File.ReadAllTextAsync(snapshot)).ReplaceLineEndings("\n") == served;
        if (!same)
        {
            await File.WriteAllTextAsync(snapshot, served);
        }

        Assert.True(same, $"The sample's OpenAPI document changed: {SnapshotPath} now holds it; commit it and build again (the client is generated from it).");
    }

    [Fact]
    public async Task Document_ForPostRoute_DeclaresCreatedWithEnvelope()
    {
        var post = Operation(JsonNode.Parse(await ServedAsync())!, "/users", "post");

        Assert.Equal("#/components/schemas/SuccessEnvelopeOfUser", Schema(post, "201"));
        Assert.Null(post["responses"]!["200"]);
        Assert.Equal("usersPostUsers", (string?)post["operationId"]);
        Assert.Equal("Users: create", (string?)post["summary"]);
    }

    [Fact]
    public async Task Document_ForGetById_DeclaresTheErrorEnvelopeWithTheAppsAndFrameworksCodes()
    {
        var get = Operation(JsonNode.Parse(await ServedAsync())!, "/users/{id}", "get");

        Assert.Equal("#/components/schemas/ErrorEnvelope", Schema(get, "404"));
        Assert.Equal("1001 Not found; 1101 User '{0}' does not exist", (string?)get["responses"]!["404"]!["description"]);
        Assert.StartsWith($"{ErrorCodes.ValidationFailed} ", (string?)get["responses"]!["400"]!["description"], StringComparison.Ordinal);
        Assert.Equal("#/components/schemas/ErrorEnvelope", Schema(get, "500"));
    }

    [Fact]
    public async Task Document_ForDelete_DeclaresTheAccountsSchemesAnd401And403_AndGetNeedsNone()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var delete = Operation(document, "/users/{id}", "delete");

        var schemes = delete["security"]!.AsArray().Select(requirement => requirement!.AsObject().Single().Key);
        Assert.Equal(["bearer", "apiKey"], schemes);
        Assert.Equal("#/components/schemas/ErrorEnvelope", Schema(delete, "401"));
        Assert.Equal("#/components/schemas/ErrorEnvelope", Schema(delete, "403"));
        Assert.Equal("http", (string?)document["components"]!["securitySchemes"]!["bearer"]!["type"]);
        Assert.Empty(Operation(document, "/users/{id}", "get")["security"]!.AsArray());
    }

    [Fact]
    public async Task Document_ForList_NamesTheQueryParametersAsBindingAndJsonDo()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var list = Operation(JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!, "/users", "get");

        var names = list["parameters"]!.AsArray().Select(p => (string?)p!["name"]);
        var error = await (await app.Client.GetAsync("/users?limit=0")).ReadErrorAsync();

        Assert.Equal(["limit", "offset"], names);
        Assert.Equal(["limit"], error.Fields.Keys);
    }

    private async Task<string> ServedAsync()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        return (await app.Client.GetStringAsync("/openapi/v1.json")).ReplaceLineEndings("\n");
    }

    private static JsonNode Operation(JsonNode document, string path, string method) => document["paths"]![path]![method]!;

    private static string? Schema(JsonNode operation, string status) =>
        (string?)operation["responses"]![status]!["content"]!["application/json"]!["schema"]!["$ref"];
}
