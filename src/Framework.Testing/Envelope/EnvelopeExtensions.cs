using System.Text.Json;

namespace Fwk.Testing;

/// <summary>Reads Fwk's envelopes (SPEC §5) from responses, failing with the status and body when a response is not the one expected.</summary>
public static class EnvelopeExtensions
{
    /// <summary>The JSON options of Fwk's envelopes: snake_case names.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Reading is strict about the shape: a constructor parameter the JSON lacks, or a null where T's annotations allow
    // none, fails instead of leaving a null or zero in the result.
    private static readonly JsonSerializerOptions _readOptions = new(JsonOptions)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// The <c>data</c> of a success envelope (2xx, <c>"status":"success"</c>) as <typeparamref name="T"/>; the default of
    /// <typeparamref name="T"/> when there is no data. The data must fit <typeparamref name="T"/>: every constructor parameter
    /// and <c>required</c> member present, no <c>null</c> where <typeparamref name="T"/>'s nullable annotations allow none.
    /// </summary>
    /// <exception cref="EnvelopeException">The response is not a success envelope, or its data does not fit <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadSuccessAsync<T>(this HttpResponseMessage response)
    {
        var (root, body) = await ReadAsync(response, "success");
        if (!response.IsSuccessStatusCode)
        {
            throw new EnvelopeException("a success envelope", response.StatusCode, body);
        }

        if (!root.TryGetProperty("data", out var data))
        {
            return default!;
        }

        try
        {
            return data.Deserialize<T>(_readOptions)!;
        }
        catch (JsonException exception)
        {
            throw new EnvelopeException(
                $"The data does not fit {typeof(T).Name}: {exception.Message}{Environment.NewLine}data: {data.GetRawText()}", response.StatusCode, body, exception);
        }
    }

    /// <summary>The error envelope of the response: status, code, message, the field map of validation errors, and its data.</summary>
    /// <exception cref="EnvelopeException">The response is not an error envelope.</exception>
    public static async Task<FwkError> ReadErrorAsync(this HttpResponseMessage response)
    {
        var (root, body) = await ReadAsync(response, "error");
        if (!root.TryGetProperty("code", out var code) || !root.TryGetProperty("message", out var message))
        {
            throw new EnvelopeException("an error envelope with a code and a message", response.StatusCode, body);
        }

        JsonElement? data = root.TryGetProperty("data", out var value) ? value.Clone() : null;
        return new FwkError(response.StatusCode, code.GetInt32(), message.GetString() ?? string.Empty, Fields(data), data);
    }

    private static async Task<(JsonElement Root, string Body)> ReadAsync(HttpResponseMessage response, string status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new EnvelopeException($"a JSON {status} envelope", response.StatusCode, body);
        }

        try
        {
            var root = JsonDocument.Parse(body).RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var actual) && actual.GetString() == status
                ? (root, body)
                : throw new EnvelopeException($"a JSON {status} envelope", response.StatusCode, body);
        }
        catch (JsonException)
        {
            throw new EnvelopeException($"a JSON {status} envelope", response.StatusCode, body);
        }
    }

    // Validation errors (1002) map each field to its messages: {"email": ["…"]}.
    private static Dictionary<string, string[]> Fields(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } map && map.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Array)
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.ToString()).ToArray())
            : [];
}
