using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Fwk.Tests.Responses;

public sealed class RespondTests
{
    [Fact]
    public async Task PlainValue_WhenReturned_IsWrappedInSuccessEnvelopeWithSnakeCaseNames()
    {
        await using var project = await StartAsync();

        var root = await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/plain"));

        Assert.Equal("""{"status":"success","data":{"first_name":"Ann","item_count":2}}""", root.GetRawText());
    }

    [Fact]
    public async Task Success_WhenNoData_OmitsData()
    {
        await using var project = await StartAsync();

        var root = await Envelope.AssertSuccessAsync(await project.Client.GetAsync("/nothing"));

        Assert.Equal("""{"status":"success"}""", root.GetRawText());
    }

    [Theory]
    [InlineData("/number", """{"status":"success","data":42}""")]
    [InlineData("/zero", """{"status":"success","data":0}""")]
    [InlineData("/null-string", """{"status":"success"}""")]
    public async Task Success_WhenDataIsValueOrNull_WritesValueAndOmitsOnlyNull(string path, string expected)
    {
        await using var project = await StartAsync();

        var root = await Envelope.AssertSuccessAsync(await project.Client.GetAsync(path));

        Assert.Equal(expected, root.GetRawText());
    }

    [Fact]
    public async Task Created_WhenLocationGiven_Answers201WithLocation()
    {
        await using var project = await StartAsync();

        var response = await project.Client.PostAsync("/created", null);

        var root = await Envelope.AssertSuccessAsync(response, HttpStatusCode.Created);
        Assert.Equal(7, root.GetProperty("data").GetProperty("id").GetInt32());
        Assert.Equal("/things/7", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/plain")]
    [InlineData("/v1/plain")]
    public async Task Head_WhenRouteIsGet_Answers200WithoutBody(string path)
    {
        await using var project = await StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        var response = await project.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Envelope.JsonContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Text_WhenReturned_IsPlainTextUtf8()
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync("/text");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("héllo", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Html_WhenReturned_IsHtmlUtf8()
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync("/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("<p>hi</p>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/redirect", HttpStatusCode.Redirect)]
    [InlineData("/redirect?permanent=true", HttpStatusCode.MovedPermanently)]
    public async Task Redirect_WhenReturned_AnswersLocation(string path, HttpStatusCode status)
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("/plain", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task File_WhenRangeRequested_Answers206WithThatRange()
    {
        await using var project = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/files?path=digits.txt");
        request.Headers.Range = new RangeHeaderValue(2, 5);

        var response = await project.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("2345", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task File_WhenWholeFileRequested_AnswersItAndAcceptsRanges()
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync("/files?path=sub/digits.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0123456789", await response.Content.ReadAsStringAsync());
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Theory]
    [InlineData("../config.ini")]
    [InlineData("sub/../../config.ini")]
    [InlineData("..%2Fconfig.ini")]
    [InlineData("missing.txt")]
    public async Task File_WhenPathLeavesRootOrIsMissing_Answers1001(string path)
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync("/files?path=" + path);

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.DoesNotContain("urls", root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_WhenReturned_SendsTheStream()
    {
        await using var project = await StartAsync();

        var response = await project.Client.GetAsync("/stream");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("streamed", await response.Content.ReadAsStringAsync());
    }

    private static async Task<TestProject> StartAsync()
    {
        var project = new TestProject();
        project.WriteFile("public/digits.txt", "0123456789");
        project.WriteFile("public/sub/digits.txt", "0123456789");
        return await project.Add<ResultsApp>().StartAsync();
    }
}

/// <summary>One route per result helper; files are served from the project's <c>public</c> directory.</summary>
internal sealed class ResultsApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapGet("/plain", () => new { FirstName = "Ann", ItemCount = 2 });
        app.Routes.MapGroup("/v1").MapGet("/plain", () => new { FirstName = "Bo" });
        app.Routes.MapGet("/nothing", () => Respond.Success());
        app.Routes.MapGet("/number", () => Respond.Success(42));
        app.Routes.MapGet("/zero", () => Respond.Success(0));
        app.Routes.MapGet("/null-string", () => Respond.Success<string?>(null));
        app.Routes.MapPost("/created", () => Respond.Created(new { Id = 7 }, "/things/7"));
        app.Routes.MapGet("/text", () => Respond.Text("héllo"));
        app.Routes.MapGet("/html", () => Respond.Html("<p>hi</p>"));
        app.Routes.MapGet("/redirect", (bool? permanent) => Respond.Redirect("/plain", permanent ?? false));
        app.Routes.MapGet("/files", (string path, IWebHostEnvironment env) => Respond.File(Path.Combine(env.ContentRootPath, "public"), path));
        app.Routes.MapGet("/stream", () => Respond.Stream(new MemoryStream(Encoding.UTF8.GetBytes("streamed"))));
    }
}
