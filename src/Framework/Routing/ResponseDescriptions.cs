using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Fwk;

/// <summary>
/// Describes what an app's route answers, for ApiExplorer and the OpenAPI document, once its metadata is complete: a
/// returned value (or none) in the success envelope, and the error envelope for each status the route can answer with
/// the codes behind it. The framework's codes are those every route can meet (1002 validation, 1000), those of a route
/// with route values (1001), a body (1005, 1006, 1007) or a write method (1008, 1015); the app's are those registered
/// by the app and the apps it depends on.
/// </summary>
internal sealed class ResponseDescriptions(ErrorCatalog errors, IReadOnlySet<string> owners)
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public void Describe(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().LastOrDefault() is { } handler)
        {
            DescribeReturnedValue(endpoint, handler);
        }

        foreach (var (status, definitions) in Answers(endpoint).GroupBy(d => d.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.ToList())))
        {
            ResponseMetadata.AddError(endpoint, status, string.Join("; ", definitions.Select(d => $"{d.Code} {d.Template}")));
        }
    }

    // A plain value goes out in the success envelope (ResponseHooksFilter), and no value as {"status":"success"}; results
    // describe themselves (IEndpointMetadataProvider) or, declared as IResult, say nothing of what they send.
    private static void DescribeReturnedValue(EndpointBuilder endpoint, MethodInfo handler)
    {
        var returned = handler.ReturnType;
        if (returned.IsGenericType && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            returned = returned.GetGenericArguments()[0];
        }

        if (returned == typeof(void) || returned == typeof(Task) || returned == typeof(ValueTask))
        {
            ResponseMetadata.AddSuccess(endpoint, StatusCodes.Status200OK, typeof(EmptySuccessEnvelope));
        }
        else if (!typeof(IResult).IsAssignableFrom(returned))
        {
            ResponseMetadata.AddSuccess(endpoint, StatusCodes.Status200OK, typeof(SuccessEnvelope<>).MakeGenericType(returned));
        }
    }

    private IEnumerable<ErrorDefinition> Answers(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        var hasBody = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
        var hasRouteValues = endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 };
        var framework = new List<int> { ErrorCodes.ValidationFailed, ErrorCodes.Unhandled };
        if (hasRouteValues)
        {
            framework.Add(ErrorCodes.NotFound);
        }

        if (hasBody)
        {
            framework.AddRange([ErrorCodes.MalformedBody, ErrorCodes.BodyTooLarge, ErrorCodes.UnsupportedContentType]);
        }

        if (methods.Any(m => WriteMethods.Contains(m, StringComparer.OrdinalIgnoreCase)))
        {
            framework.AddRange([ErrorCodes.Conflict, ErrorCodes.RelatedRecordMissing]);
        }

        return framework.Select(errors.Get).Concat(errors.Definitions.Where(d => owners.Contains(d.Owner)));
    }
}
