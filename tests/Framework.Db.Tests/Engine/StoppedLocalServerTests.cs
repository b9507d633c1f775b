using System.Diagnostics;
using System.Net;
using Fwk.Db.Local;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Engine;

/// <summary>
/// <c>host = local</c> with the managed server stopped while the app serves (<c>fwk db stop</c> in another terminal):
/// requests answer 1009 at once, and the log says once what to run instead of a stack per request.
/// </summary>
[Collection("postgres")]
public sealed class StoppedLocalServerTests(PostgresFixture fixture)
{
    private const string Hint = "run `fwk db start`";

    [Fact]
    public async Task Requests_WhenTheLocalServerIsStopped_Answer1009AtOnceAndWarnOnceToRunDbStart()
    {
        await using var project = new DbTestProject(fixture, "local_down", host: "local", port: LocalPostgres.DefaultPort).Add<AuthorsApp>();
        var cluster = new LocalPostgres(Path.Combine(project.Directory, ".fwk", "postgres"));
        try
        {
            Assert.True(await project.RunAsync("create_db") == 0, project.Everything);
            await project.StartAsync();
            Assert.Equal(0, await project.RunAsync("db", "stop"));

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 3; i++)
            {
                await Envelope.AssertErrorAsync(await project.Client.GetAsync("/authors/count"), HttpStatusCode.ServiceUnavailable, ErrorCodes.DatabaseUnavailable);
                await Envelope.AssertErrorAsync(
                    await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Down" })), HttpStatusCode.ServiceUnavailable, ErrorCodes.DatabaseUnavailable);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"6 requests took {clock.ElapsedMilliseconds} ms with the server stopped.");
            var warning = Assert.Single(project.Logs.Lines, line => line.Contains(Hint, StringComparison.Ordinal));
            Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
            Assert.DoesNotContain(project.Logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));

            Assert.Equal(0, await project.RunAsync("db", "start"));
            await Wait.UntilAsync(
                async () => (await project.Client.GetAsync("/authors/count")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(10),
                "the app to use the restarted local cluster");
        }
        finally
        {
            await cluster.DestroyAsync();
        }
    }
}
