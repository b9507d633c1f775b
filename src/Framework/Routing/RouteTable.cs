using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fwk;

/// <summary>Reads the endpoints the apps mapped, for the <c>routes</c> verb and the duplicate-route check at startup.</summary>
internal static partial class RouteTable
{
    /// <summary>Every route endpoint, one row per method (HEAD is implied by GET and not listed).</summary>
    public static IReadOnlyList<RouteInfo> Read(IEndpointRouteBuilder routes) =>
        [.. routes.DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(method => method != HttpMethods.Head)
                .Select(method => new RouteInfo(
                    method,
                    "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
                    endpoint.Metadata.GetMetadata<AppEndpointMetadata>()?.AppName ?? "-",
                    HandlerName(endpoint))))];

    /// <summary>Stops startup when two routes share a method and pattern (parameter names aside).</summary>
    public static void EnsureNoDuplicates(IReadOnlyList<RouteInfo> routes)
    {
        var duplicate = routes
            .GroupBy(r => (r.Method, Pattern: ParameterName().Replace(r.Path.TrimEnd('/').ToLowerInvariant(), "{")))
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var owners = string.Join(" and ", duplicate.Select(r => $"'{r.App}' ({r.Handler})"));
            throw new InvalidOperationException($"The route {duplicate.Key.Method} {duplicate.First().Path} is mapped twice: by {owners}.");
        }
    }

    private static string HandlerName(Endpoint endpoint)
    {
        var method = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (method is null)
        {
            return endpoint.DisplayName ?? "-";
        }

        var isLambda = method.Name.Contains('<', StringComparison.Ordinal);
        return isLambda ? $"{method.DeclaringType?.DeclaringType?.Name ?? method.DeclaringType?.Name}.(lambda)" : $"{method.DeclaringType?.Name}.{method.Name}";
    }

    [GeneratedRegex(@"\{[^}:?=*]*")]
    private static partial Regex ParameterName();
}
