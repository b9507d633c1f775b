using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Fwk;

/// <summary>
/// Completes the OpenAPI document of every <c>AddOpenApi</c>: each app route gets an operation id (<c>usersGetUsersById</c>:
/// the app, the method and the route; a named route's HEAD twin adds <c>Head</c>) and a summary (<c>Users: list</c>: the app
/// and the handler's name) unless it set them (<c>WithName</c>, <c>WithSummary</c>); its error responses name their codes;
/// it requires no security unless declared (<c>security: []</c>: Fwk authenticates nothing itself); a query parameter is
/// named as the JSON is when binding accepts that name (binding ignores case: <c>Limit</c> is documented <c>limit</c>); and
/// server URLs lose their trailing slash.
/// </summary>
internal sealed class OpenApiNaming : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<AppEndpointMetadata>().LastOrDefault() is not { } app)
        {
            return Task.CompletedTask;
        }

        var method = description.HttpMethod ?? "GET";
        var headForGet = method == "HEAD" && metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Contains("GET"));
        var stem = app.AppName.EndsWith("App", StringComparison.Ordinal) && app.AppName.Length > 3 ? app.AppName[..^3] : app.AppName;
        operation.OperationId = operation.OperationId is { } named
            ? (headForGet ? named + "Head" : named)
            : OperationId(stem, method, description.RelativePath ?? string.Empty);
        operation.Summary ??= $"{stem}: {Action(metadata, method, description.RelativePath)}";
        if (headForGet)
        {
            operation.Summary += " (headers only)";
        }

        DescribeResponses(operation, metadata);
        operation.Security ??= [];
        NameQueryParameters(operation, context.ApplicationServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions.PropertyNamingPolicy);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        return Task.CompletedTask;
    }

    // The generator gives each response its reason phrase; an error response names its codes (ResponseDescriptions).
    private static void DescribeResponses(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var produces in metadata.OfType<IProducesResponseTypeMetadata>())
        {
            if (produces.Description is { } text
                && operation.Responses?.GetValueOrDefault(produces.StatusCode.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse response)
            {
                response.Description = text;
            }
        }
    }

    private static void NameQueryParameters(OpenApiOperation operation, JsonNamingPolicy? naming)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: { } name } && naming?.ConvertName(name) is { } converted
                && string.Equals(converted, name, StringComparison.OrdinalIgnoreCase))
            {
                parameter.Name = converted;
            }
        }
    }

    // usersGetUsersById: the app's stem, the method, then each literal segment and "By" each route value.
    private static string OperationId(string stem, string method, string relativePath)
    {
        var id = new StringBuilder(JsonNamingPolicy.CamelCase.ConvertName(stem)).Append(Pascal(method));
        foreach (var segment in relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            id.Append(segment.StartsWith('{') ? "By" + Pascal(segment.Trim('{', '}').Split(':')[0]) : Pascal(segment));
        }

        return id.ToString();
    }

    private static string Pascal(string word) =>
        string.Concat(word.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.All(char.IsLetterOrDigit))
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));

    // "list" from ListAsync; a lambda's compiler-made name gives the method and route instead.
    private static string Action(IList<object> metadata, string method, string? relativePath)
    {
        var handler = metadata.OfType<MethodInfo>().LastOrDefault()?.Name;
        if (handler is null || !handler.All(char.IsLetterOrDigit))
        {
            return $"{method} /{relativePath}";
        }

        var name = handler.EndsWith("Async", StringComparison.Ordinal) && handler.Length > 5 ? handler[..^5] : handler;
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name).Replace('_', ' ');
    }
}
