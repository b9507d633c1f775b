using System.Text.Json.Serialization;

namespace Fwk;

/// <summary>The success body: <c>{"status":"success","data":…}</c>, with <c>data</c> omitted when null.</summary>
internal sealed record SuccessEnvelope<T>([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] T? Data)
{
    [JsonPropertyOrder(-1)]
    public string Status { get; } = "success";
}
