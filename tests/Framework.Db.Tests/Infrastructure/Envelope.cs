using System.Net;
using System.Text;
using System.Text.Json;

namespace Fwk.Db.Tests.Infrastructure;

/// <summary>Reads a response and checks it against the envelope contract (SPEC §5).</summary>
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
        Assert.True(code == root.GetProperty("code").GetInt32(), $"Expected code {code}: {body}");
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("message").GetString()));
        return root;
    }

    /// <summary>Asserts a success envelope with <paramref name="status"/> (200 by default) and returns its <c>data</c> (or the root when there is none).</summary>
    public static async Task<JsonElement> AssertSuccessAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(JsonContentType, response.Content.Headers.ContentType?.ToString());
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("success", root.GetProperty("status").GetString());
        return root.TryGetProperty("data", out var data) ? data.Clone() : root.Clone();
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value, JsonSerializerOptions.Web));
}
