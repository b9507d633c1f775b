using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fwk;

/// <summary>Maps ASP.NET Core health checks with Fwk's envelopes.</summary>
public static class HealthEndpointExtensions
{
    /// <summary>
    /// Maps <paramref name="pattern"/> (default <c>/health</c>) to every registered health check: 200 with
    /// <c>{"status":"success","data":{"checks":{name: status}}}</c> when all are healthy, otherwise 503 with code 1009.
    /// </summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder routes, string pattern = "/health") =>
        routes.MapHealthChecks(pattern, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext httpContext, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant());
        return report.Status == HealthStatus.Unhealthy
            ? ErrorResult.WriteAsync(httpContext, ErrorCodes.DatabaseUnavailable, [], new { checks })
            : new SuccessResult<object>(new { checks }, StatusCodes.Status200OK).ExecuteAsync(httpContext);
    }
}
