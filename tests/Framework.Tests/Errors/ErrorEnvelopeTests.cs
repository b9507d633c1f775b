using System.Net;
using System.Text;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Errors;

public sealed class ErrorEnvelopeTests
{
    [Fact]
    public async Task UnmatchedRoute_WhenNoRouteMatches_Answers1001()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.GetAsync("/nowhere");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task BodilessErrorStatus_GetsTheEnvelope_UnlessTheEndpointSkipsStatusCodePages()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var enveloped = await project.Client.GetAsync("/teapot");
        var bare = await project.Client.GetAsync("/teapot/bare");

        Assert.Equal((HttpStatusCode)418, enveloped.StatusCode);
        Assert.Contains("\"status\":\"error\"", await enveloped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)418, bare.StatusCode);
        Assert.Empty(await bare.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongMethod_WhenPathExists_Answers1004WithAllowHeader()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.DeleteAsync("/items");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, ErrorCodes.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": 5, \"count\": 1}")]
    [InlineData("{\"name\": \"a\", \"count\": \"many\"}")]
    [InlineData("{\"name\": \"a\\u0000b\", \"count\": 1}")]
    public async Task MalformedBody_WhenJsonIsInvalid_Answers1005(string json)
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.PostAsync("/items", Envelope.Json(json));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.MalformedBody);
    }

    [Fact]
    public async Task MalformedBody_WhenUtf8IsInvalid_Answers1005()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();
        byte[] bytes = [.. "{\"name\": \""u8, 0xC3, 0x28, 0xFF, .. "\", \"count\": 1}"u8];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var response = await project.Client.PostAsync("/items", content);

        await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.MalformedBody);
    }

    [Fact]
    public async Task OversizedBody_WhenLargerThanMaxBodySize_Answers1006()
    {
        await using var project = await new TestProject(networking: "max_body_size = 32").Add<ErrorPathsApp>().StartAsync();
        var json = $"{{\"name\": \"{new string('x', 200)}\", \"count\": 1}}";

        var response = await project.Client.PostAsync("/items", Envelope.Json(json));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.BodyTooLarge);
    }

    [Fact]
    public async Task WrongContentType_WhenTextSentToJsonEndpoint_Answers1007()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.PostAsync("/items", new StringContent("{\"name\":\"a\",\"count\":1}", Encoding.UTF8, "text/plain"));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, ErrorCodes.UnsupportedContentType);
    }

    [Fact]
    public async Task DisallowedHost_WhenHostNotInAllowedHosts_Answers1003()
    {
        await using var project = await new TestProject(networking: "allowed_hosts = example.com").Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.GetAsync("/items");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.HostNotAllowed);
    }

    [Fact]
    public async Task AllowedHost_WhenHostIsListed_IsServed()
    {
        await using var project = await new TestProject(networking: "allowed_hosts = example.com").Add<ErrorPathsApp>().StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items");
        request.Headers.Host = "example.com";

        var response = await project.Client.SendAsync(request);

        await Envelope.AssertSuccessAsync(response);
    }

    [Fact]
    public async Task UnhandledException_WhenNotDebug_Answers1000WithoutInternals()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.GetAsync("/boom");

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        var body = root.GetRawText();
        Assert.DoesNotContain("xyzzy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorPathsApp", body, StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task UnhandledException_WhenDebug_Answers1000WithDetails()
    {
        await using var project = await new TestProject(sections: "[environment]\ndebug = true").Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.GetAsync("/boom");

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        var data = root.GetProperty("data");
        Assert.Equal("internal detail xyzzy", data.GetProperty("message").GetString());
        Assert.Equal(typeof(InvalidOperationException).FullName, data.GetProperty("exception").GetString());
        Assert.Contains("ErrorPathsApp", data.GetProperty("stack_trace").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppErrorCode_WhenThrownAsFwkException_AnswersItsStatusAndFormattedMessage()
    {
        await using var project = await new TestProject().Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.GetAsync("/users/42");

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorPathsApp.UserMissing);
        Assert.Equal("User '42' does not exist", root.GetProperty("message").GetString());
    }
}
