namespace Fwk.Cli;

/// <summary>The source file of a new app.</summary>
internal static class AppTemplates
{
    /// <summary>
    /// <c>NAME/NAMEApp.cs</c>: an app in namespace <c>ROOT.NAME</c> with one route, <c>GET <paramref name="path"/></c>,
    /// answering the success envelope with <paramref name="message"/>.
    /// </summary>
    public static string App(string rootNamespace, string name, string path, string message) => $$"""
        using Fwk;

        namespace {{rootNamespace}}.{{name}};

        /// <summary>The {{name}} app: its routes, hooks, error codes and models are registered in <see cref="Configure"/>.</summary>
        public sealed class {{name}}App : IApp
        {
            public void Configure(AppBuilder app)
            {
                app.Routes.MapGet("{{path}}", Index);
                // A POST that creates something answers 201: return Respond.Created(item, $"{{path}}/{item.Id}");
            }

            private static IResult Index() => Respond.Success(new { message = "{{message}}" });
        }

        """;
}
