using System.Net;
using System.Text;
using System.Text.Json;

namespace Fwk.Testing;

/// <summary>Reads a response and checks it against the envelope contract of SPEC §5 (shared by the test projects).</summary>
internal static class Envelope
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Asserts the error envelope: status, content type, <c>status</c>, <c>code</c> and a non-empty <c>message</c>; returns the root.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        var root = await ReadAsync(response, status, "error");
        Assert.True(code == root.GetProperty("code").GetInt32(), $"Expected code {code}: {root.GetRawText()}");
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("message").GetString()));
        return root;
    }

    /// <summary>Asserts a success envelope with <paramref name="status"/> (200 by default) and returns its root.</summary>
    public static Task<JsonElement> AssertSuccessAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        ReadAsync(response, status, "success");

    /// <summary>Asserts a success envelope and returns its <c>data</c> (the root when there is none).</summary>
    public static async Task<JsonElement> AssertSuccessDataAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var root = await AssertSuccessAsync(response, status);
        return root.TryGetProperty("data", out var data) ? data : root;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value, JsonSerializerOptions.Web));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(JsonContentType, response.Content.Headers.ContentType?.ToString());
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(expected, root.GetProperty("status").GetString());
        return root;
    }
}
