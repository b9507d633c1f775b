namespace Fwk.Cli;

/// <summary>The source file of a new app with one GET route (create_project's Hello app and <c>create_app</c>).</summary>
internal static class AppTemplates
{
    /// <summary>The OpenAPI document's route, which the docs page reads too.</summary>
    public const string OpenApiRoute = "/openapi/{documentName}.json";

    /// <summary>
    /// <c>NAME/NAMEApp.cs</c>: an app in namespace <c>ROOT.NAME</c> with one route, <c>GET <paramref name="path"/></c>,
    /// answering the success envelope with <paramref name="message"/>. With <paramref name="frontDoor"/> (the project's
    /// first app) it also serves <c>/health</c>, the OpenAPI document (<c>/openapi/v1.json</c>) and the docs page
    /// (<c>/docs</c>), as the sample's HomeApp does.
    /// </summary>
    public static string App(string rootNamespace, string name, string path, string message, bool frontDoor = false) => $$"""
        using Fwk;
        {{(frontDoor ? "using Scalar.AspNetCore;\n" : string.Empty)}}
        namespace {{rootNamespace}}.{{name}};

        /// <summary>The {{name}} app: its routes, hooks, error codes and models are registered in <see cref="Configure"/>.</summary>
        public sealed class {{name}}App : IApp
        {
        {{(frontDoor ? FrontDoorServices : string.Empty)}}    public void Configure(AppBuilder app)
            {
                app.Routes.MapGet("{{path}}", Index);
        {{(frontDoor ? FrontDoorRoutes : string.Empty)}}        // A POST that creates something answers 201: return Respond.Created(item, $"{{path}}/{item.Id}");
            }

            private static IResult Index() => Respond.Success(new { message = "{{message}}" });
        }

        """;

    private const string FrontDoorServices = """
            // The OpenAPI document of every app's routes.
            public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddOpenApi();


        """;

    private const string FrontDoorRoutes = $$"""
                app.Routes.MapHealth("/health");
                app.Routes.MapOpenApi("{{OpenApiRoute}}");
                app.Routes.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("{{OpenApiRoute}}"));

        """;
}
