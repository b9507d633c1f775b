using System.Net;
using System.Text.Json;
using Fwk.Db.Tests.Infrastructure;
using Fwk.Db.Tests.Infrastructure.Apps;

namespace Fwk.Db.Tests.Sessions;

/// <summary>
/// What a pooled connection keeps between requests (a pool of one, so every request gets the same connection): an open
/// transaction is always rolled back; session settings survive unless <c>reset_on_close = true</c>.
/// </summary>
[Collection("postgres")]
public sealed class ConnectionResetTests(PostgresFixture fixture)
{
    [Fact]
    public async Task ReturnedConnection_ByDefault_RollsBackAnOpenTransaction_AndKeepsSessionSettings()
    {
        await using var project = await StartAsync("reset_default", "");

        var state = await LeaveStateAsync(project);

        Assert.Equal("", state.GetProperty("in_transaction").GetString());
        Assert.Equal("left", state.GetProperty("probe").GetString());
    }

    [Fact]
    public async Task ReturnedConnection_WithResetOnClose_ForgetsSessionSettings()
    {
        await using var project = await StartAsync("reset_on", "reset_on_close = true");

        var state = await LeaveStateAsync(project);

        Assert.Equal("", state.GetProperty("in_transaction").GetString());
        Assert.Equal("", state.GetProperty("probe").GetString());
    }

    private static async Task<JsonElement> LeaveStateAsync(DbTestProject project)
    {
        await Envelope.AssertSuccessDataAsync(await project.Client.PostAsync("/state/left", null));
        await Envelope.AssertErrorAsync(await project.Client.PostAsync("/state/in-transaction-then-fail", null), HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        return await Envelope.AssertSuccessDataAsync(await project.Client.GetAsync("/state"));
    }

    private async Task<DbTestProject> StartAsync(string database, string resetLine)
    {
        var name = await fixture.CreateDatabaseAsync(database);
        var project = new DbTestProject(fixture, name, databaseLines: $"pool_size = 1\n{resetLine}").Add<SessionStateApp>();
        try
        {
            await project.StartAsync();
            return project;
        }
        catch
        {
            await project.DisposeAsync();
            throw;
        }
    }
}
