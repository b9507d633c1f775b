using System.Net;
using Fwk.Db.Local;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Verbs;

/// <summary><c>host = local</c>: the managed cluster under the project's .fwk/, started on demand by create_db and by the app; the db verbs.</summary>
[Collection("postgres")]
public sealed class LocalDatabaseVerbsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task DbVerbs_WithHostLocal_ManageTheProjectsOwnCluster()
    {
        await using var project = new DbTestProject(fixture, "local_app", host: "local", port: LocalPostgres.DefaultPort).Add<AuthorsApp>();
        var cluster = new LocalPostgres(Path.Combine(project.Directory, ".fwk", "postgres"));
        try
        {
            Assert.Equal(0, await project.RunAsync("db", "status"));
            Assert.Contains("not initialised", project.Output, StringComparison.Ordinal);

            var created = await project.RunAsync("create_db");

            Assert.True(created == 0, project.Everything);
            Assert.Contains("Starting the local PostgreSQL", project.Output, StringComparison.Ordinal);
            Assert.Contains("AuthorsApp: created authors", project.Output, StringComparison.Ordinal);
            Assert.Equal(LocalPostgresState.Running, (await cluster.StatusAsync()).State);
            Assert.Equal(0, await project.RunAsync("db", "status"));
            Assert.Contains($"running (socket {cluster.SocketDirectory}", project.Output, StringComparison.Ordinal);

            await project.StartAsync();
            await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/authors", Envelope.Json(new { name = "Local" })), HttpStatusCode.Created);

            Assert.Equal(0, await project.RunAsync("db", "stop"));
            Assert.Equal(LocalPostgresState.Stopped, (await cluster.StatusAsync()).State);
            Assert.Equal(0, await project.RunAsync("db", "start"));
            Assert.Equal(LocalPostgresState.Running, (await cluster.StatusAsync()).State);
            await Wait.UntilAsync(
                async () => (await project.Client.GetAsync("/authors/count")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(10),
                "the app to use the restarted local cluster");
            var count = await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/authors/count"));
            Assert.Equal(1, count.GetProperty("count").GetInt32()); // data kept between runs
        }
        finally
        {
            await cluster.DestroyAsync();
        }
    }

    [Fact]
    public async Task DbVerbs_WhenHostIsNotLocal_ExitOneSayingSo()
    {
        await using var project = new DbTestProject(fixture, "not_local").Add<AuthorsApp>();

        var exitCode = await project.RunAsync("db", "start");

        Assert.Equal(1, exitCode);
        Assert.Contains("host = local", project.Error, StringComparison.Ordinal);
    }
}
