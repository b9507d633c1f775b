using Fwk.Cli.Tests.Infrastructure;

namespace Fwk.Cli.Tests;

/// <summary>create_project and create_app, as the fixture ran them, and their refusals to overwrite.</summary>
[Collection(FwkToolGroup.Name)]
public sealed class ScaffoldingTests(FwkToolFixture fwk)
{
    [Fact]
    public void CreateProject_WhenDirectoryFree_WritesCompleteProject()
    {
        Assert.True(fwk.CreateProject.ExitCode == 0, fwk.CreateProject.ToString());
        Assert.Contains($"Created project Demo in {fwk.DemoDirectory}", fwk.CreateProject.StandardOutput, StringComparison.Ordinal);
        foreach (var file in new[] { "Demo.csproj", "Program.cs", "config.ini", "Hello/HelloApp.cs", ".gitignore", "Directory.Build.props", "Directory.Packages.props", "tests/Demo.Tests.csproj", "tests/test.runsettings", "tests/HelloAppTests.cs", "Items/Item.cs", "Items/ItemConfiguration.cs", "Items/ItemInput.cs", "Items/ItemsApp.cs", "tests/ItemsAppTests.cs" })
        {
            Assert.True(File.Exists(Path.Combine(fwk.DemoDirectory, file)), $"{file} is missing");
        }

        // The first migration, written by the project's own db migrate: the items table and Fwk.Jobs' tables.
        Assert.Single(Directory.GetFiles(Path.Combine(fwk.DemoDirectory, "Migrations"), "*_Initial.cs"));
        Assert.Contains("ItemsApp: items: create table (id, name, description)", fwk.CreateProject.StandardOutput, StringComparison.Ordinal);

        var csproj = Read("Demo.csproj");
        Assert.Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", csproj, StringComparison.Ordinal);
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", csproj, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(RepositoryRoot.Path, "src", "Framework", "Framework.csproj"), csproj, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(RepositoryRoot.Path, "src", "Framework.Db", "Framework.Db.csproj"), csproj, StringComparison.Ordinal);

        var program = Read("Program.cs");
        Assert.Contains("var app = FwkApplication.Create(args);", program, StringComparison.Ordinal);
        Assert.Contains("app.Services.AddValidation();", program, StringComparison.Ordinal);
        Assert.Contains("app.UseDatabase();", program, StringComparison.Ordinal);
        Assert.Contains("app.UseJobs();", program, StringComparison.Ordinal);
        Assert.Contains("// app.UseAccounts();", program, StringComparison.Ordinal);
        Assert.Contains("return await app.RunAsync();", program, StringComparison.Ordinal);

        var hello = Read("Hello/HelloApp.cs");
        Assert.Contains("namespace Demo.Hello;", hello, StringComparison.Ordinal);
        Assert.Contains("public sealed class HelloApp : IApp", hello, StringComparison.Ordinal);
        Assert.Contains("Respond.Success(new { message = \"Hello from Demo\" })", hello, StringComparison.Ordinal);

        var tests = Read("tests/Demo.Tests.csproj");
        Assert.Contains("<ProjectReference Include=\"../Demo.csproj\" />", tests, StringComparison.Ordinal);
        Assert.Matches("<FWK_AUTH_SIGNING_KEY>[A-Za-z0-9+/=]{64}</FWK_AUTH_SIGNING_KEY>", Read("tests/test.runsettings"));
        Assert.Contains(Path.Combine(RepositoryRoot.Path, "src", "Framework.Testing", "Framework.Testing.csproj"), tests, StringComparison.Ordinal);
        Assert.Contains("await FwkTestApp.StartAsync<Program>(database);", Read("tests/HelloAppTests.cs"), StringComparison.Ordinal);
        Assert.Contains("Assert.Equal(\"Hello from Demo\", data.Message);", Read("tests/HelloAppTests.cs"), StringComparison.Ordinal);

        Assert.Equal(["bin/", "obj/", ".fwk/"], Read(".gitignore").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("<Project />", Read("Directory.Build.props").Trim());
    }

    [Fact]
    public void CreateApp_InProject_AddsAppAndChangesOnlyActiveLine()
    {
        Assert.True(fwk.CreateApp.ExitCode == 0, fwk.CreateApp.ToString());
        var app = Read("Blog/BlogApp.cs");
        Assert.Contains("namespace Demo.Blog;", app, StringComparison.Ordinal);
        Assert.Contains("public sealed class BlogApp : IApp", app, StringComparison.Ordinal);
        Assert.Contains("app.Routes.MapGet(\"/blog\", Index);", app, StringComparison.Ordinal);
        Assert.Contains("var data = await (await app.Client.GetAsync(\"/blog\")).ReadSuccessAsync<Greeting>();", Read("tests/BlogAppTests.cs"), StringComparison.Ordinal);
        Assert.Contains("Added its test in tests/BlogAppTests.cs.", fwk.CreateApp.StandardOutput, StringComparison.Ordinal);

        var expected = ProjectTemplates.ConfigIni("Demo", "Items").Replace("active = Demo.Hello, Demo.Items\n", "active = Demo.Hello, Demo.Items, Demo.Blog\n", StringComparison.Ordinal);
        Assert.Equal(expected, Read("config.ini"));
        Assert.Contains("[database]\n; local = a PostgreSQL cluster managed by Fwk", expected, StringComparison.Ordinal);
        Assert.Contains("host = local\nname = demo\n", expected, StringComparison.Ordinal);
        Assert.Contains("[networking]\nurls = http://127.0.0.1:8000\n", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateProject_WhenDirectoryExists_RefusesToOverwrite()
    {
        var before = Read("config.ini");
        var result = await fwk.RunFwkAsync(Path.GetDirectoryName(fwk.DemoDirectory)!, "create_project", "--name", "Demo", "--fwk-source", RepositoryRoot.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(fwk.DemoDirectory, result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Read("config.ini"));
    }

    [Fact]
    public async Task CreateApp_WhenAppExists_RefusesToOverwrite()
    {
        var before = File.ReadAllBytes(Path.Combine(fwk.DemoDirectory, "config.ini"));
        var result = await fwk.RunFwkAsync(fwk.Root, "create_app", "--name", "Blog", "--project", fwk.DemoDirectory);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(Path.Combine(fwk.DemoDirectory, "Blog"), result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(fwk.DemoDirectory, "config.ini")));
    }

    [Fact]
    public async Task CreateProject_WhenFwkSourceIsNotFwk_Exits1()
    {
        var result = await fwk.RunFwkAsync(fwk.Root, "create_project", "--name", "Nowhere", "--fwk-source", fwk.EmptyDirectory);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is not a Fwk source tree", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fwk.Root, "Nowhere")));
    }

    [Fact]
    public async Task CreateProject_WithPackageSource_WritesNuGetConfig()
    {
        var parent = Path.Combine(fwk.Root, "elsewhere");
        var result = await fwk.RunFwkOnPackagesAsync(fwk.Root, "create_project", "--name", "MyShop", "--directory", parent, "--package-source", fwk.Packages);

        Assert.True(result.ExitCode == 0, result.ToString());
        var project = Path.Combine(parent, "MyShop");
        var csproj = File.ReadAllText(Path.Combine(project, "MyShop.csproj"));
        Assert.Contains($"<PackageReference Include=\"Fwk\" Version=\"{fwk.Version}\" />", csproj, StringComparison.Ordinal);
        Assert.Contains($"<PackageReference Include=\"Fwk.Db\" Version=\"{fwk.Version}\" />", csproj, StringComparison.Ordinal);
        Assert.Contains(fwk.Packages, File.ReadAllText(Path.Combine(project, "nuget.config")), StringComparison.Ordinal);
        Assert.Contains("name = my_shop\n", File.ReadAllText(Path.Combine(project, "config.ini")), StringComparison.Ordinal);
        Assert.Contains("<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>", File.ReadAllText(Path.Combine(project, "Directory.Packages.props")), StringComparison.Ordinal);
    }

    private string Read(string relativePath) => File.ReadAllText(Path.Combine(fwk.DemoDirectory, relativePath));
}
