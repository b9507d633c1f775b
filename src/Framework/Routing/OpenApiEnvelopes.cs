using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fwk;

/// <summary>
/// Corrects the schemas the OpenAPI generator cannot infer: a string (read through Fwk's NUL-rejecting converter, which
/// hides its type from the generator) is a string, and the envelopes' <c>status</c> is the constant it is
/// (<c>"success"</c>, <c>"error"</c>), an error's <c>code</c> an integer and its <c>data</c> optional.
/// </summary>
internal sealed class OpenApiEnvelopes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (type == typeof(ErrorEnvelope))
        {
            Status(schema, "error");
            schema.Properties!["code"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
            schema.Required = new HashSet<string>(["status", "code", "message"], StringComparer.Ordinal);
        }
        else if (type == typeof(EmptySuccessEnvelope) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SuccessEnvelope<>)))
        {
            Status(schema, "success");
            schema.Required = new HashSet<string>([.. schema.Required ?? new HashSet<string>(), "status"], StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    private static void Status(OpenApiSchema schema, string value) =>
        schema.Properties!["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)] };
}
