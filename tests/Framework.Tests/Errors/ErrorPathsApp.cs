using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Fwk.Tests.Errors;

/// <summary>Routes that reach each error path of SPEC §5.</summary>
internal sealed class ErrorPathsApp : IApp
{
    public const int UserMissing = 1101;

    public void Configure(AppBuilder app)
    {
        app.Errors.Add(UserMissing, "User '{0}' does not exist", StatusCodes.Status404NotFound);
        app.Routes.MapGet("/items", () => new[] { "a" });
        app.Routes.MapPost("/items", (ItemBody body) => body);
        app.Routes.MapGet("/boom", string () => throw new InvalidOperationException("internal detail xyzzy"));
        app.Routes.MapGet("/users/{id}", string (int id) => throw new FwkException(UserMissing, id));
        app.Routes.MapGet("/page", (int limit) => limit);
        app.Routes.MapGet("/teapot", () => Results.StatusCode(StatusCodes.Status418ImATeapot));
        app.Routes.MapGet("/teapot/bare", () => Results.StatusCode(StatusCodes.Status418ImATeapot)).WithMetadata(new SkipStatusCodePagesAttribute());
    }
}

/// <summary>A JSON body with a string and a number.</summary>
internal sealed record ItemBody(string Name, int Count);
