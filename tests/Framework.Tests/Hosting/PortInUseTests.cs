using System.Net;
using System.Net.Sockets;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Hosting;

/// <summary>An address that is already in use stops startup with one line naming [networking] urls and the address.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task Run_WhenThePortIsInUse_Returns1WithOneLineNamingUrlsAndTheAddress_AndNoStack()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        await using var project = new TestProject(variables: new System.Collections.Hashtable { ["FWK_NETWORKING__URLS"] = url });

        var exitCode = await project.RunAsync();

        Assert.Equal(1, exitCode);
        var error = project.Error.ToString().Trim();
        Assert.Equal($"Startup failed: [networking] urls: {url} is already in use by another process (environment variable FWK_NETWORKING__URLS).", error);
        Assert.DoesNotContain(project.Recorder.Logs, l => l.Contains("   at ", StringComparison.Ordinal));
    }
}
