namespace Fwk.Cli.Tests;

/// <summary>The files of a CRUD app and of a new project, as the scaffolders write them (in process, nothing built).</summary>
public sealed class CrudTemplatesTests
{
    [Fact]
    public void CreateApp_WithCrud_ScaffoldsModelRoutesAndTests()
    {
        var app = new CrudApp("Shop", "Owners", 1201);
        var files = app.Files.ToDictionary(f => f.Path.Replace('\\', '/'), f => f.Content);

        Assert.Equal(["Owners/Owner.cs", "Owners/OwnerConfiguration.cs", "Owners/OwnerInput.cs", "Owners/OwnersApp.cs"], files.Keys);
        Assert.All(files.Values, content => Assert.Contains("namespace Shop.Owners;", content, StringComparison.Ordinal));
        Assert.Contains("public required string Name { get; set; }", files["Owners/Owner.cs"], StringComparison.Ordinal);
        Assert.Contains("public sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>", files["Owners/OwnerConfiguration.cs"], StringComparison.Ordinal);
        Assert.Contains("builder.ToTable(\"owners\");", files["Owners/OwnerConfiguration.cs"], StringComparison.Ordinal);
        Assert.Contains("[Required]", files["Owners/OwnerInput.cs"], StringComparison.Ordinal);
        Assert.Contains("[StringLength(NameLength, MinimumLength = 1)]", files["Owners/OwnerInput.cs"], StringComparison.Ordinal);

        var routes = files["Owners/OwnersApp.cs"];
        foreach (var line in new[]
        {
            "public const int OwnerNotFound = 1201;",
            "app.Models.Add<OwnerConfiguration>();",
            "app.Errors.Add(OwnerNotFound, \"Owner '{0}' does not exist\", StatusCodes.Status404NotFound);",
            "var routes = app.Routes.MapGroup(\"/owners\").WithTags(\"owners\");",
            "routes.MapGet(\"\", ListAsync);",
            "routes.MapGet(\"/{id:int}\", GetAsync);",
            "routes.MapPost(\"\", CreateAsync);",
            "routes.MapPut(\"/{id:int}\", ReplaceAsync);",
            "routes.MapDelete(\"/{id:int}\", DeleteAsync);",
            "int offset = 0, int limit = ReadSession.DefaultPageSize",
            "return Respond.Created(item, $\"/owners/{item.Id}\");",
        })
        {
            Assert.Contains(line, routes, StringComparison.Ordinal);
        }

        var (testPath, test) = app.Test;
        Assert.Equal("tests/OwnersAppTests.cs", testPath.Replace('\\', '/'));
        Assert.Contains("public sealed class OwnersAppTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>", test, StringComparison.Ordinal);
        foreach (var name in new[]
        {
            "Post_CreatesOwner_201WithItsLocation", "Post_WhenNameMissing_Answers1002NamingTheField", "Get_AnswersOwner",
            "Get_WhenMissing_Answers404WithTheAppsCode", "List_PagesWithOffsetAndLimit", "Put_ReplacesOwner", "Delete_RemovesOwner_ThenGetAnswers404",
        })
        {
            Assert.Contains($"public async Task {name}()", test, StringComparison.Ordinal);
        }

        Assert.Contains("Assert.Equal((HttpStatusCode.NotFound, OwnersApp.OwnerNotFound), (error.Status, error.Code));", test, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateProject_Files_HoldFrontDoorAndTheItemsCrudAppFromTheSameTemplates()
    {
        var files = ProjectScaffolder.Files("Shop", new FwkReference(null, null, null, null, null, "1.2.3"))
            .ToDictionary(f => f.Path.Replace('\\', '/'), f => f.Content);
        var items = new CrudApp("Shop", "Items", AppErrorCodes.First);

        Assert.All(items.Files.Append(items.Test), file => Assert.Equal(file.Content, files[file.Path.Replace('\\', '/')]));
        Assert.Contains("public const int ItemNotFound = 1101;", files["Items/ItemsApp.cs"], StringComparison.Ordinal);
        Assert.Contains("active = Shop.Hello, Shop.Items\n", files["config.ini"], StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Scalar.AspNetCore\" Version=\"2.19.0\" />", files["Shop.csproj"], StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Fwk.Accounts\" Version=\"1.2.3\" />", files["Shop.csproj"], StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Microsoft.AspNetCore.OpenApi\" Version=\"10.0.15\" />", files["Shop.csproj"], StringComparison.Ordinal);

        var hello = files["Hello/HelloApp.cs"];
        Assert.Contains("services.AddOpenApi();", hello, StringComparison.Ordinal);
        Assert.Contains("app.Routes.MapHealth(\"/health\");", hello, StringComparison.Ordinal);
        Assert.Contains("app.Routes.MapOpenApi(\"/openapi/{documentName}.json\");", hello, StringComparison.Ordinal);
        Assert.Contains("app.Routes.MapScalarApiReference(\"/docs\",", hello, StringComparison.Ordinal);
        Assert.Contains("FrontDoor_ServesHealthTheOpenApiDocumentAndTheDocs", files["tests/HelloAppTests.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("MapHealth", AppTemplates.App("Shop", "Blog", "/blog", "Hello from Blog"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1101)]
    [InlineData("public const int ItemNotFound = 1101;", 1301)] // 1200–1299 are Fwk.Accounts'
    [InlineData("public const int OwnerNotFound = 1301;", 1401)]
    [InlineData("app.Errors.Add(1250, \"x\", 409); const int Other = 1099;", 1301)]
    public void AppErrorCodes_Next_TakesTheHundredAfterTheHighestCodeButNotAccounts(string source, int expected)
    {
        var project = Directory.CreateTempSubdirectory("fwk-codes-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "App.cs"), source);
            Directory.CreateDirectory(Path.Combine(project, "tests"));
            File.WriteAllText(Path.Combine(project, "tests", "Tests.cs"), "const int Ignored = 5501;");

            Assert.Equal(expected, AppErrorCodes.Next(project));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
