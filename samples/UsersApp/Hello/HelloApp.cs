using Fwk;

namespace UsersApp.Hello;

/// <summary>Answers <c>GET /</c> with the framework's name and version.</summary>
public sealed class HelloApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapGet("/", GetInfo);
    }

    private static IResult GetInfo() => Respond.Success(new { Name = "Fwk", Version = typeof(IApp).Assembly.GetName().Version?.ToString(3) });
}
