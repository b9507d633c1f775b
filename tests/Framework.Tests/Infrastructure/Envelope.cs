using System.Net;
using System.Text.Json;

namespace Fwk.Tests.Infrastructure;

/// <summary>Reads a response and checks it against the envelope contract of SPEC §5.</summary>
internal static class Envelope
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Asserts the error envelope: status, content type, <c>status</c>, <c>code</c> and a non-empty <c>message</c>.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(JsonContentType, response.Content.Headers.ContentType?.ToString());
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("error", root.GetProperty("status").GetString());
        Assert.Equal(code, root.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("message").GetString()));
        return root;
    }

    /// <summary>Asserts a 200 (or <paramref name="status"/>) success envelope and returns its root.</summary>
    public static async Task<JsonElement> AssertSuccessAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(JsonContentType, response.Content.Headers.ContentType?.ToString());
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("success", root.GetProperty("status").GetString());
        return root;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
