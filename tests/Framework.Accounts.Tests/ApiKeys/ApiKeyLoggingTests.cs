using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Fwk.Accounts.Tests.ApiKeys;

/// <summary>An API key's secret is in no log line, at the most verbose level, whether the key is accepted or refused.</summary>
public sealed class ApiKeyLoggingTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task ApiKey_AcceptedOrRefused_NeverAppearsInTheLogs()
    {
        var logs = new RecordingLoggerProvider();
        Environment.SetEnvironmentVariable(Vaults.KeyVariable, Vaults.Key);
        await using var app = await FwkTestApp.StartAsync<Program>(database, options => options.With("logging", "level", "Trace").ConfigureServices(services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(logs);
        }));
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var key = await app.CreateKeyOrFailAsync(tokens.AccessToken);
        var secret = key.Key.Split('_', 3)[2];

        var accepted = await app.GetWithKeyAsync("/notes/private", key.Key);
        var refused = await app.GetWithKeyAsync("/notes/private", key.Key + "x");
        await app.SendAsync(HttpMethod.Delete, $"/auth/api-keys/{key.Id}", tokens.AccessToken);
        var revoked = await app.GetWithKeyAsync("/notes/private", key.Key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (accepted.StatusCode, refused.StatusCode, revoked.StatusCode));
        Assert.Contains("ApiKey was not authenticated", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, logs.Text, StringComparison.Ordinal);
    }
}
