using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fwk;

/// <summary>
/// Reads JSON strings like the built-in converter but rejects the NUL character, which PostgreSQL
/// cannot store in text: such a body is malformed (1005) instead of failing later at the database.
/// </summary>
internal sealed class NulRejectingStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text must not contain the NUL character (\\u0000).")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
