using System.Net.Http.Json;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>
/// A canary password given as FWK_DATABASE__PASSWORD, and a canary signing key in FWK_AUTH_SIGNING_KEY, appear nowhere:
/// output, logs, --help, verbs, error bodies.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class SecretsTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    private static readonly string Canary = "canary-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task CanaryPasswordAndSigningKey_NeverAppearInLogsBodiesHelpOrVerbOutput()
    {
        var settings = cluster.SampleSettings("secrets");
        settings["FWK_DATABASE__PASSWORD"] = Canary;
        settings["FWK_DATABASE_AUDIT__PASSWORD"] = Canary;
        settings["FWK_AUTH_SIGNING_KEY"] = "signing-key-" + Canary;
        settings["FWK_ENVIRONMENT__DEBUG"] = "true";
        settings["FWK_LOGGING__LEVEL"] = "Trace";
        var seen = new List<string>();
        foreach (var verb in new[] { new[] { "--help" }, ["routes"], ["create_db"], ["init_project"], ["db", "status"], ["db", "current"], ["db", "check"], ["create_db", "--bind", "nope"] })
        {
            seen.Add((await SampleServer.RunAsync(settings, verb)).Output);
        }

        seen.Add((await SampleServer.RunAsync(new Dictionary<string, string>(settings) { ["FWK_DATABASE__PORT"] = "1" }, "create_db")).Output);

        using (var server = SampleServer.Start(SampleServer.FreePort(), settings))
        {
            await server.WaitUntilServingAsync();
            foreach (var path in new[] { "/users/1", "/users/999", "/health", "/nothing" })
            {
                seen.Add(await server.Client.GetStringAsync(path).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : t.Exception!.Message));
            }

            seen.Add(await (await server.Client.PostAsJsonAsync("/users", new { name = "", email = "bad" })).Content.ReadAsStringAsync());
            await cluster.StopFastAsync();
            try
            {
                seen.Add(await (await server.Client.GetAsync("/users/1")).Content.ReadAsStringAsync());
                seen.Add(await (await server.Client.GetAsync("/health")).Content.ReadAsStringAsync());
            }
            finally
            {
                await cluster.StartAsync();
            }

            server.Terminate();
            await server.ExitCodeAsync(TimeSpan.FromSeconds(30));
            seen.Add(server.Output);
        }

        var everything = string.Join('\n', seen);
        output.WriteLine($"secrets: {everything.Length} characters of output, logs (Trace) and bodies searched; the canary appears {CountOf(everything)} times");
        Assert.Contains("Database unavailable", everything, StringComparison.Ordinal); // the outage was seen and reported
        Assert.Equal(0, CountOf(everything));
    }

    private static int CountOf(string text) => (text.Length - text.Replace(Canary, string.Empty, StringComparison.Ordinal).Length) / Canary.Length;
}
