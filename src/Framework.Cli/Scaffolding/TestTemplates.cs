namespace Fwk.Cli;

/// <summary>The files of a new project's <c>tests/</c> project: an xunit project on Fwk.Testing, one test class per app.</summary>
internal static class TestTemplates
{
    /// <summary>The test SDK and xunit versions a new tests project references.</summary>
    private const string TestSdkVersion = "18.11.0";
    private const string XunitVersion = "2.9.3";
    private const string XunitRunnerVersion = "3.1.5";

    /// <summary>The folder of the tests project, inside the project.</summary>
    public const string Folder = "tests";

    /// <summary><c>tests/NAME.Tests.csproj</c>: references the project and Fwk.Testing.</summary>
    public static string Csproj(string name, FwkReference fwk) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>{name}.Tests</RootNamespace>
            <IsPackable>false</IsPackable>
            <IsTestProject>true</IsTestProject>
            <RunSettingsFilePath>$(MSBuildProjectDirectory)/test.runsettings</RunSettingsFilePath>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{TestSdkVersion}" />
            <PackageReference Include="xunit" Version="{XunitVersion}" />
            <PackageReference Include="xunit.runner.visualstudio" Version="{XunitRunnerVersion}" />
        {fwk.TestingItem}
            <ProjectReference Include="../{name}.csproj" />
          </ItemGroup>
          <ItemGroup>
            <Using Include="Xunit" />
            <Using Include="Fwk.Testing" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>
    /// <c>tests/test.runsettings</c>: the tests' environment, a signing key for the project's accounts once Program.cs calls
    /// <c>app.UseAccounts()</c> (random, made for this project; a served project reads its own from the environment).
    /// </summary>
    public static string RunSettings() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <RunSettings>
          <RunConfiguration>
            <EnvironmentVariables>
              <FWK_AUTH_SIGNING_KEY>{Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))}</FWK_AUTH_SIGNING_KEY>
            </EnvironmentVariables>
          </RunConfiguration>
        </RunSettings>

        """;

    /// <summary>
    /// <c>tests/NAMEAppTests.cs</c>: the app's route answers its message, on the app's own test database (the pattern to
    /// copy for the next test); with <paramref name="frontDoor"/> (see <see cref="AppTemplates.App"/>) also that
    /// <c>/health</c>, the OpenAPI document and the docs page answer.
    /// </summary>
    public static string AppTest(string rootNamespace, string name, string path, string message, bool frontDoor = false) => $$"""
        {{(frontDoor ? "using System.Net;\n\n" : string.Empty)}}namespace {{rootNamespace}}.Tests;

        /// <summary>The {{name}} app, started in process on a database of its own (see Fwk.Testing).</summary>
        public sealed class {{name}}AppTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
        {
            [Fact]
            public async Task Get{{name}}_AnswersItsMessage()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);

                var data = await (await app.Client.GetAsync("{{path}}")).ReadSuccessAsync<Greeting>();

                Assert.Equal("{{message}}", data.Message);
            }
        {{(frontDoor ? FrontDoorTest : string.Empty)}}
            private sealed record Greeting(string Message);
        }

        """;

    private const string FrontDoorTest = """

            [Fact]
            public async Task FrontDoor_ServesHealthTheOpenApiDocumentAndTheDocs()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);

                using var health = await app.Client.GetAsync("/health");
                using var document = await app.Client.GetAsync("/openapi/v1.json");
                using var docs = await app.Client.GetAsync("/docs/");

                Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (health.StatusCode, document.StatusCode, docs.StatusCode));
                Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

        """;
}
