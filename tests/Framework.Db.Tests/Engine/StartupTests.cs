using System.Collections;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Engine;

/// <summary>The engine's startup check: a server that does not answer stops startup with host, port and database named, never the password.</summary>
[Collection("postgres")]
public sealed class StartupTests(PostgresFixture fixture)
{
    private const string Secret = "S3cret-Pa55";
    private const string EnvironmentSecret = "Env-S3cret-77";

    [Fact]
    public async Task Startup_WhenServerUnreachable_FailsNamingHostPortAndDatabase()
    {
        var port = FreePort.Next();
        await using var project = new DbTestProject(fixture, "unreachable_db", host: "127.0.0.1", port: port).Add<ProbesApp>();
        await using var app = project.Create([]);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable_db", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenDatabaseMissing_ExitsOneNamingHostPortAndDatabase()
    {
        await using var project = new DbTestProject(fixture, "missing_db_42").Add<ProbesApp>();

        var exitCode = await project.ServeExpectingFailureAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains("Startup failed", project.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", project.Error, StringComparison.Ordinal);
        Assert.Contains(fixture.Cluster.SocketDirectory, project.Error, StringComparison.Ordinal);
        Assert.Contains($"port {fixture.Cluster.Port}", project.Error, StringComparison.Ordinal);
        Assert.Contains("'missing_db_42'", project.Error, StringComparison.Ordinal);
        Assert.Contains("create_db", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_WhenServerRefuses_NeverAppearsInErrorsOutputOrLogs()
    {
        var port = FreePort.Next();
        var variables = new Hashtable { ["FWK_DATABASE__PASSWORD"] = EnvironmentSecret };
        await using var project = new DbTestProject(
            fixture, "secret_db", databaseLines: $"password = {Secret}", host: "127.0.0.1", port: port, logLevel: "Trace", variables: variables)
            .Add<ProbesApp>()
            .Add<AuthorsApp>(); // has an init function, so init_project needs the database too

        // Serving, create_db and the other verbs all fail the same way.
        Exception? startError;
        await using (var app = project.Create([]))
        {
            startError = await Record.ExceptionAsync(() => app.StartAsync());
        }

        var serve = await project.ServeExpectingFailureAsync(TimeSpan.FromSeconds(30));
        var create = await project.RunAsync("create_db");
        var drop = await project.RunAsync("drop_db", "--yes");
        var init = await project.RunAsync("init_project");

        Assert.NotNull(startError);
        Assert.Equal([1, 1, 1, 1], [serve, create, drop, init]);
        foreach (var text in new[] { startError.ToString(), project.Output, project.Error })
        {
            AssertNoSecret(text);
        }

        Assert.All(project.Logs.Lines, AssertNoSecret);
        Assert.Contains("127.0.0.1", project.Error, StringComparison.Ordinal);
        Assert.Contains($"port {port}", project.Error, StringComparison.Ordinal);
        Assert.Contains("'secret_db'", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_WhenCredentialsAreRejected_NeverAppearsInErrorsOutputOrLogs()
    {
        var name = await fixture.CreateDatabaseAsync("secret");
        await using var project = new DbTestProject(fixture, name, databaseLines: $"password = {Secret}", username: "no_such_user", logLevel: "Trace")
            .Add<ProbesApp>();

        Exception? startError;
        await using (var app = project.Create([]))
        {
            startError = await Record.ExceptionAsync(() => app.StartAsync());
        }

        var create = await project.RunAsync("create_db");

        Assert.NotNull(startError);
        Assert.Equal(1, create);
        foreach (var text in new[] { startError.ToString(), project.Output, project.Error })
        {
            AssertNoSecret(text);
        }

        Assert.All(project.Logs.Lines, AssertNoSecret);
        Assert.Contains(fixture.Cluster.SocketDirectory, startError.Message, StringComparison.Ordinal);
        Assert.Contains($"port {fixture.Cluster.Port}", startError.Message, StringComparison.Ordinal);
        Assert.Contains(name, startError.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_user", startError.Message, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(EnvironmentSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pa55", text, StringComparison.Ordinal);
    }
}
