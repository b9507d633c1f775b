using System.Text.Json.Serialization;

namespace Fwk;

/// <summary>The error body: <c>{"status":"error","code":N,"message":"…","data":…}</c>, with <c>data</c> omitted when null.</summary>
internal sealed record ErrorEnvelope(
    int Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Data)
{
    [JsonPropertyOrder(-1)]
    public string Status { get; } = "error";
}
