using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Tests.Errors;

public sealed class ValidationTests
{
    [Fact]
    public async Task Post_WhenBodyBreaksAnnotations_Answers1002WithFieldMap()
    {
        await using var project = await StartAsync();

        var response = await project.Client.PostAsync("/users", Envelope.Json("""{"name":"","email":"not-an-email","age":300,"postal_code":"abc"}"""));

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var data = root.GetProperty("data");
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal(["age", "email", "name", "postal_code"], data.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.All(data.EnumerateObject(), field => Assert.NotEmpty(field.Value.EnumerateArray().Select(m => m.GetString())));
    }

    [Fact]
    public async Task Post_WhenRequiredFieldMissingAndTextTooLong_NamesBothFields()
    {
        await using var project = await StartAsync();

        var response = await project.Client.PostAsync("/users", Envelope.Json($$"""{"name":"{{new string('n', 101)}}","age":30}"""));

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var fields = root.GetProperty("data").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["email", "name"], fields);
    }

    [Fact]
    public async Task Post_WhenBodyIsValid_RunsHandler()
    {
        await using var project = await StartAsync();

        var response = await project.Client.PostAsync("/users", Envelope.Json("""{"name":"Ann","email":"ann@example.com","age":30}"""));

        var root = await Envelope.AssertSuccessAsync(response);
        Assert.Equal("ann@example.com", root.GetProperty("data").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("/page?limit=abc", "limit")]
    [InlineData("/numbers/abc", "id")]
    [InlineData("/paged?PageSize=abc", "page_size")]
    public async Task Get_WhenQueryOrRouteValueDoesNotConvert_Answers1002NamingIt(string path, string field)
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync(path);

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.True(root.GetProperty("data").TryGetProperty(field, out _), root.GetRawText());
    }

    private static async Task<TestProject> StartAsync()
    {
        var project = new TestProject().Add<ValidatedApp>();

        // ASP.NET Core's validation source generator only sees the models of the project it compiles, and only
        // public ones; it registers them by intercepting an AddValidation() call in that same project. The
        // framework's own AddValidation() (compiled into Fwk) knows none of an app's models.
        project.App.Services.AddValidation();
        return await project.StartAsync();
    }
}

internal sealed class ValidatedApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapPost("/users", (NewUser user) => user);
        app.Routes.MapGet("/page", (int limit) => limit);
        app.Routes.MapGet("/numbers/{id}", (int id) => id);
        app.Routes.MapGet("/paged", ([AsParameters] PageQuery query) => query.PageSize);
    }
}

/// <summary>A request model with the usual DataAnnotations.</summary>
public sealed class NewUser
{
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; set; }

    [Required]
    [EmailAddress]
    public string? Email { get; set; }

    [Range(1, 150)]
    public int Age { get; set; }

    [RegularExpression("[0-9]{5}")]
    public string? PostalCode { get; set; }
}

public sealed record PageQuery(int PageSize = 20);
