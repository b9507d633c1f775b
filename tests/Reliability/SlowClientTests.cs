using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>Clients that send their headers one byte a second hold connections, not the server: others are served as usual.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class SlowClientTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeHundredSlowClients_SendingHeadersByteByByte_DoNotStopANormalClient()
    {
        var settings = cluster.SampleSettings("slow");
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "create_db")).ExitCode);
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "init_project")).ExitCode);
        using var server = SampleServer.Start(SampleServer.FreePort(), settings);
        await server.WaitUntilServingAsync();
        var request = Encoding.ASCII.GetBytes("GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('s', 100) + "\r\n\r\n");
        var slow = new List<Socket>();
        try
        {
            for (var i = 0; i < 300; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, server.Port);
                slow.Add(socket);
            }

            // One byte per connection per second, for 8 seconds, while a normal client asks every 50 ms.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            var dribble = Task.Run(async () =>
            {
                for (var position = 0; !stop.IsCancellationRequested; position++)
                {
                    foreach (var socket in slow)
                    {
                        await socket.SendAsync(request.AsMemory(position, 1));
                    }

                    await Task.Delay(1000, CancellationToken.None);
                }
            });
            var normal = new List<(bool Ok, double Ms)>();
            while (!stop.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                using var response = await server.Client.GetAsync("/users/1");
                normal.Add((response.StatusCode == HttpStatusCode.OK, clock.Elapsed.TotalMilliseconds));
                await Task.Delay(50);
            }

            await dribble;
            output.WriteLine($"slow clients: 300 connections at 1 byte/s for 8 s; a normal client made {normal.Count} requests, "
                + $"{normal.Count(n => n.Ok)} answered 200, slowest {normal.Max(n => n.Ms):0} ms");
            Assert.All(normal, n => Assert.True(n.Ok));
            Assert.True(normal.Count > 50, $"Only {normal.Count} requests were answered.");
            Assert.True(normal.Max(n => n.Ms) < 1000, "A normal request waited a second or more.");
        }
        finally
        {
            foreach (var socket in slow)
            {
                socket.Dispose();
            }
        }
    }
}
