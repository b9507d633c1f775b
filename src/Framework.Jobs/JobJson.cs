using System.Text.Json;

namespace Fwk.Jobs;

/// <summary>How payloads are stored: JSON in snake_case, as the project's HTTP answers are.</summary>
internal static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(object? payload) => payload is null ? "null" : JsonSerializer.Serialize(payload, payload.GetType(), Options);

    public static object? Deserialize(string json, Type? type) => type is null ? null : JsonSerializer.Deserialize(json, type, Options);
}
