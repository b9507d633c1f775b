using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Tests.Verbs;

public sealed class VerbTests
{
    [Fact]
    public async Task Routes_WhenAppsMapRoutes_PrintsMethodPathAppAndHandler()
    {
        await using var project = new TestProject(args: ["routes"]).Add<CatalogApp>();

        var exitCode = await project.RunAsync();

        Assert.Equal(0, exitCode);
        var lines = project.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["METHOD", "PATH", "APP", "HANDLER"], Columns(lines[0]));
        Assert.Equal(
            [
                ["DELETE", "/admin/products/{id:int}", "CatalogApp", "CatalogApp.DeleteProduct"],
                ["GET", "/products", "CatalogApp", "CatalogApp.ListProducts"],
                ["POST", "/products/{id:int}", "CatalogApp", "CatalogApp.(lambda)"],
            ],
            lines.Skip(1).Select(Columns).ToArray());
        Assert.Empty(project.Error.ToString());
    }

    [Fact]
    public async Task Help_WhenAsked_ListsVerbsAndReturns0()
    {
        await using var project = new TestProject(args: ["--help"]);

        var exitCode = await project.RunAsync();

        Assert.Equal(0, exitCode);
        var output = project.Output.ToString();
        Assert.Contains("routes", output, StringComparison.Ordinal);
        Assert.Contains("init_project", output, StringComparison.Ordinal);
        Assert.Contains("run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenVerbIsUnknown_SaysSoInOneLineAndReturns2()
    {
        await using var project = new TestProject(args: ["bogus"]);

        var exitCode = await project.RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Equal("Unknown verb 'bogus' (dotnet run -- --help lists every verb).", project.Error.ToString().Trim());
        Assert.Empty(project.Output.ToString());
    }

    [Theory]
    [InlineData("init_projet", "init_project")]
    [InlineData("rotues", "routes")]
    [InlineData("cache claer", "cache clear")]
    public async Task Verb_WhenMisspelled_SuggestsTheVerb(string typed, string meant)
    {
        await using var project = new TestProject(args: typed.Split(' '));
        project.App.Verbs.Add("cache clear", "Clears the cache.", _ => Task.FromResult(0));

        var exitCode = await project.RunAsync();

        Assert.Equal(2, exitCode);
        var line = Assert.Single(project.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Unknown verb '{typed}': did you mean '{meant}'?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenProgramAddsAVerb_RunsItWithItsExitCode()
    {
        await using var project = new TestProject(args: ["cache", "clear"]);
        project.App.Verbs.Add("cache clear", "Clears the cache.", async context =>
        {
            await context.Output.WriteLineAsync("cleared");
            return 3;
        });

        var exitCode = await project.RunAsync();

        Assert.Equal(3, exitCode);
        Assert.Equal("cleared", project.Output.ToString().Trim());
    }

    [Fact]
    public async Task Run_WhenAnAppAddsAVerb_RunsItWithTheAppConfigured()
    {
        await using var project = new TestProject(args: ["list_apps"]).Add<VerbApp>();

        var exitCode = await project.RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("active: VerbApp", project.Output.ToString().Trim());
    }

    [Fact]
    public async Task Help_WhenAnAppAddsAVerb_ListsIt()
    {
        await using var project = new TestProject(args: ["--help"]).Add<VerbApp>();

        Assert.Equal(0, await project.RunAsync());
        Assert.Contains("list_apps", project.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenVerbNameIsTaken_Throws()
    {
        await using var project = new TestProject();

        var error = Assert.Throws<InvalidOperationException>(() => project.App.Verbs.Add("routes", "Again.", _ => Task.FromResult(0)));

        Assert.Contains("'routes'", error.Message, StringComparison.Ordinal);
    }

    private static string[] Columns(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class CatalogApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapGet("/products", ListProducts);
        app.Routes.MapPost("/products/{id:int}", (int id) => id);
        app.Routes.MapGroup("/admin").MapDelete("/products/{id:int}", DeleteProduct);
    }

    private static string[] ListProducts() => ["pen"];

    private static int DeleteProduct(int id) => id;
}

internal sealed class VerbApp : IApp
{
    public void ConfigureVerbs(VerbRegistry verbs) =>
        verbs.Add("list_apps", "Lists the active apps.", async context =>
        {
            var apps = context.Services.GetRequiredService<AppCatalog>().Apps.Select(a => a.Name);
            await context.Output.WriteLineAsync($"active: {string.Join(", ", apps)}");
            return 0;
        });

    public void Configure(AppBuilder app) => app.Routes.MapGet("/verb-app", () => "ok");
}
