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
    /// <c>{"status":"success","data":{"checks":{name: status}}}</c> (with <c>"details":{name: data}</c> for checks that report
    /// data, such as the job queue's depth) when all are healthy, otherwise 503 with code 1009.
    /// </summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder routes, string pattern = "/health") =>
        routes.MapHealthChecks(pattern, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext httpContext, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant());
        var details = report.Entries.Where(e => e.Value.Data.Count > 0).ToDictionary(e => e.Key, e => e.Value.Data);
        object data = details.Count == 0 ? new { checks } : new { checks, details };
        return report.Status == HealthStatus.Unhealthy
            ? ErrorResult.WriteAsync(httpContext, ErrorCodes.DatabaseUnavailable, [], data)
            : new SuccessResult<object>(data, StatusCodes.Status200OK).ExecuteAsync(httpContext);
    }
}
