namespace Fwk.Cli.Tests;

public sealed class NamesTests
{
    [Theory]
    [InlineData("Demo", "demo", "/demo")]
    [InlineData("MyShop", "my_shop", "/my-shop")]
    [InlineData("HTTPServer", "http_server", "/http-server")]
    [InlineData("Blog2Posts", "blog2_posts", "/blog2-posts")]
    [InlineData("snake_case", "snake_case", "/snake-case")]
    [InlineData("_Private", "_private", "/private")]
    public void SnakeCase_OfProjectName_GivesDatabaseNameAndRoute(string name, string snake, string route)
    {
        Assert.Equal(snake, Names.SnakeCase(name));
        Assert.Equal(route, Names.RoutePath(name));
    }

    [Theory]
    [InlineData("Demo")]
    [InlineData("_x1")]
    [InlineData("Blog")]
    public void Validate_WhenNameIsIdentifier_Accepts(string name) => Assert.Null(Names.Problem(name, "app"));

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("my-app")]
    [InlineData("a.b")]
    [InlineData("namespace")]
    [InlineData("Café")]
    [InlineData("fwk")]
    [InlineData("System")]
    public void Validate_WhenNameIsNotIdentifier_Rejects(string name) => Assert.NotNull(Names.Problem(name, "app"));

    [Theory]
    [InlineData("Owners", "Owner")]
    [InlineData("Categories", "Category")]
    [InlineData("Boxes", "Box")]
    [InlineData("Addresses", "Address")]
    [InlineData("Status", "StatusItem")]
    [InlineData("Inventory", "InventoryItem")]
    [InlineData("Tasks", "TasksItem")]
    [InlineData("Shops", "ShopsItem")]
    public void Model_OfCrudAppName_IsItsSingularUnlessThatClashes(string name, string model) => Assert.Equal(model, Names.Model(name, "Shop"));
}
