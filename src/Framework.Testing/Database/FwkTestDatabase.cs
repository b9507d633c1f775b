using Xunit;

namespace Fwk.Testing;

/// <summary>
/// The PostgreSQL a test class's apps run on, as an xunit fixture (<c>IClassFixture&lt;FwkTestDatabase&gt;</c>): a throwaway
/// cluster started once for the whole test run from the machine's PostgreSQL binaries, and stopped and deleted when the
/// run ends (passed or failed); or, when the <c>FWK_TEST_DATABASE</c> variable holds a connection string, that existing
/// server. Each <see cref="FwkTestApp"/> gets databases of its own, cloned from the project's template.
/// </summary>
public sealed class FwkTestDatabase : IAsyncLifetime
{
    private TestPostgres? _server;

    /// <summary>A connection string to <paramref name="database"/> (one of <see cref="FwkTestApp.Databases"/>), for checks outside the app.</summary>
    public string ConnectionString(string database) =>
        (_server ?? throw new InvalidOperationException("The test database is not initialised yet.")).ConnectionString(database);

    /// <summary>Starts the run's cluster, or reaches the existing server (once per run; later fixtures reuse it).</summary>
    public async Task InitializeAsync() => _server = await TestPostgres.GetAsync();

    /// <summary>Nothing to do: the apps drop their databases, and the cluster lives until the run ends.</summary>
    public Task DisposeAsync() => Task.CompletedTask;
}
