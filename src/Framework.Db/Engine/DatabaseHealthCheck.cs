using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fwk.Db;

/// <summary>
/// Healthy when the bind's database answers a trivial query within the command timeout. One check per bind, named after
/// its config.ini section: <c>database</c>, <c>database.NAME</c>.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseBind bind) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = bind.Engine.DataSource.CreateCommand("SELECT 1");
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
