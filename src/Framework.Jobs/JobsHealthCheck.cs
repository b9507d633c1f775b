using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fwk.Jobs;

/// <summary>The <c>jobs</c> entry of <c>/health</c>: the queue's depth (due, scheduled, running); unhealthy when the queue cannot be read.</summary>
internal sealed class JobsHealthCheck(JobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (due, scheduled, running) = await store.DepthAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["due"] = due, ["scheduled"] = scheduled, ["running"] = running });
        }
        catch (Exception exception) when (DatabaseFailure.Is(exception) || exception is Npgsql.PostgresException)
        {
            return HealthCheckResult.Unhealthy("The job queue cannot be read.");
        }
    }
}
