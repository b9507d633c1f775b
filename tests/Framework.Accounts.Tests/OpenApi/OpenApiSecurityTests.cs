using System.Text.Json.Nodes;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.OpenApi;

/// <summary>The OpenAPI document of a project with accounts: its security schemes, and which routes need them.</summary>
public sealed class OpenApiSecurityTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Document_DeclaresTheBearerAndApiKeySchemes_AndTheCookieOnlyInCookieMode()
    {
        var tokens = await DocumentAsync();
        var cookies = await DocumentAsync(("auth", "cookie", "true"));

        var schemes = tokens["components"]!["securitySchemes"]!;
        Assert.Equal(("http", "bearer", "JWT"), ((string?)schemes["bearer"]!["type"], (string?)schemes["bearer"]!["scheme"], (string?)schemes["bearer"]!["bearerFormat"]));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)schemes["apiKey"]!["type"], (string?)schemes["apiKey"]!["in"], (string?)schemes["apiKey"]!["name"]));
        Assert.Null(schemes["cookie"]);
        Assert.Equal(("cookie", "fwk_session"), ((string?)cookies["components"]!["securitySchemes"]!["cookie"]!["in"], (string?)cookies["components"]!["securitySchemes"]!["cookie"]!["name"]));
        Assert.Equal(["bearer", "apiKey", "cookie"], Schemes(Operation(cookies, "/notes/private")));
    }

    [Fact]
    public async Task Document_ForARouteNeedingARole_DeclaresTheSchemesAnd401And403InTheEnvelope()
    {
        var document = await DocumentAsync();
        var admin = Operation(document, "/notes/admin");

        Assert.Equal(["bearer", "apiKey"], Schemes(admin));
        Assert.Equal($"{AccountErrorCodes.Unauthenticated} Authentication required", (string?)admin["responses"]!["401"]!["description"]);
        Assert.Equal($"{AccountErrorCodes.Forbidden} Not allowed", (string?)admin["responses"]!["403"]!["description"]);
        Assert.Equal("#/components/schemas/ErrorEnvelope", (string?)admin["responses"]!["401"]!["content"]!["application/json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task Document_ForAnOpenRoute_DeclaresNoSecurityNor401()
    {
        var document = await DocumentAsync();
        var open = Operation(document, "/notes/open");

        Assert.Empty(open["security"]!.AsArray());
        Assert.Null(open["responses"]!["401"]);
        Assert.Equal(["bearer", "apiKey"], Schemes(Operation(document, "/notes/private")));
    }

    private async Task<JsonNode> DocumentAsync(params (string Section, string Key, string Value)[] settings)
    {
        await using var app = await Vaults.StartAsync(database, settings);
        return JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;
    }

    private static JsonNode Operation(JsonNode document, string path) => document["paths"]![path]!["get"]!;

    // Each requirement of an operation is one alternative naming one scheme.
    private static List<string> Schemes(JsonNode operation) =>
        [.. operation["security"]!.AsArray().Select(requirement => requirement!.AsObject().Single().Key)];
}
