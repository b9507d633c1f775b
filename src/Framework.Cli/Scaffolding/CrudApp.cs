namespace Fwk.Cli;

/// <summary>
/// What a CRUD app's files are made of: app <c>Owners</c> in project <c>Shop</c> is namespace <c>Shop.Owners</c>, model
/// <c>Owner</c> (see <see cref="Names.Model"/>), routes under <c>/owners</c>, table <c>owners</c>.
/// </summary>
/// <param name="RootNamespace">The project's root namespace.</param>
/// <param name="Name">The app's name (validated C# identifier): its folder and <c>NAMEApp</c> class.</param>
/// <param name="NotFoundCode">The app's error code for a missing id (answered with 404).</param>
internal sealed record CrudApp(string RootNamespace, string Name, int NotFoundCode)
{
    /// <summary>The model's class name.</summary>
    public string Model => Names.Model(Name, RootNamespace);

    /// <summary>The routes' common path: <c>/owners</c>.</summary>
    public string Path => Names.RoutePath(Name);

    /// <summary>The table, also the routes' OpenAPI tag: <c>owners</c>.</summary>
    public string Table => Names.SnakeCase(Name).Trim('_');

    /// <summary>The app's files, by path relative to the project: model, configuration, input and app.</summary>
    public IReadOnlyList<(string Path, string Content)> Files =>
    [
        (System.IO.Path.Combine(Name, $"{Model}.cs"), CrudTemplates.Model(this)),
        (System.IO.Path.Combine(Name, $"{Model}Configuration.cs"), CrudTemplates.Configuration(this)),
        (System.IO.Path.Combine(Name, $"{Model}Input.cs"), CrudTemplates.Input(this)),
        (System.IO.Path.Combine(Name, $"{Name}App.cs"), CrudTemplates.App(this)),
    ];

    /// <summary>The app's test class, by path relative to the project.</summary>
    public (string Path, string Content) Test => (System.IO.Path.Combine(TestTemplates.Folder, $"{Name}AppTests.cs"), CrudTestTemplates.AppTests(this));
}
