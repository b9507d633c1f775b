using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fwk;

/// <summary>The response metadata (ApiExplorer, OpenAPI) of the envelopes: the status, the JSON content type and the body's type.</summary>
internal static class ResponseMetadata
{
    private static readonly string[] Json = ["application/json"];

    /// <summary>Declares <paramref name="status"/> answering <paramref name="envelope"/>, in place of what was declared for that status.</summary>
    public static void AddSuccess(EndpointBuilder builder, int status, Type envelope)
    {
        Remove(builder, status);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, envelope, Json));
    }

    /// <summary>
    /// Declares <paramref name="status"/> answering the error envelope, <paramref name="description"/> naming its codes,
    /// unless the route declared that status itself.
    /// </summary>
    public static void AddError(EndpointBuilder builder, int status, string description)
    {
        if (builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(produces => produces.StatusCode == status))
        {
            return;
        }

        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), Json) { Description = description });
    }

    private static void Remove(EndpointBuilder builder, int status)
    {
        for (var i = builder.Metadata.Count - 1; i >= 0; i--)
        {
            if (builder.Metadata[i] is IProducesResponseTypeMetadata produces && produces.StatusCode == status)
            {
                builder.Metadata.RemoveAt(i);
            }
        }
    }
}
