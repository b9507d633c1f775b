using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fwk.Db;

/// <summary>Healthy when the database answers a trivial query within the command timeout.</summary>
internal sealed class DatabaseHealthCheck(DatabaseEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = engine.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure means unhealthy; the reason is in the result, not thrown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
