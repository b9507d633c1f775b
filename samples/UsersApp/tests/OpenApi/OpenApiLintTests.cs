using Xunit.Abstractions;

namespace Sample.Tests.OpenApi;

/// <summary>The sample's OpenAPI document passes Redocly CLI's recommended rules (scripts/lint-openapi.sh) with no error.</summary>
public sealed class OpenApiLintTests(FwkTestDatabase database, ITestOutputHelper output) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Document_WithTheRecommendedRules_HasNoErrors()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var file = Path.Combine(Path.GetTempPath(), $"fwk-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Client.GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exitCode, text) = await RepositoryFiles.RunScriptAsync("scripts/lint-openapi.sh", file);

            var summary = text.Split('\n').Select(line => line.Trim())
                .Where(line => line.StartsWith("error ", StringComparison.Ordinal) || line.StartsWith("warning ", StringComparison.Ordinal)
                    || line.Contains("Your API description is valid", StringComparison.Ordinal) || line.Contains("warnings.", StringComparison.Ordinal)
                    || line.Contains("Validation failed", StringComparison.Ordinal));
            output.WriteLine(string.Join('\n', summary));
            Assert.True(exitCode == 0 && !text.Contains("Validation failed", StringComparison.Ordinal), $"redocly lint (exit {exitCode}):\n{text}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
