namespace Fwk;

/// <summary>The success body with data: <c>{"status":"success","data":…}</c>.</summary>
internal sealed record SuccessEnvelope<T>(T Data)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Status { get; } = "success";
}
