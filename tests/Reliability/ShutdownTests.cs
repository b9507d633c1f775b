using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Fwk.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Reliability.Tests;

/// <summary>SIGTERM while requests are in flight: they finish, nothing new is accepted, shutdown hooks run once, exit 0.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class ShutdownTests(ReliabilityCluster cluster, ITestOutputHelper output)
{
    private const int InFlight = 50;

    [Fact]
    public async Task Sigterm_With50RequestsInFlight_FinishesThemAll_AcceptsNothingNew_Exits0()
    {
        var settings = cluster.SampleSettings("shutdown");
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "create_db")).ExitCode);
        using var server = SampleServer.Start(SampleServer.FreePort(), settings);
        await server.WaitUntilServingAsync();

        // Each request sends its headers and half its body: its handler is running, reading the body, when SIGTERM comes.
        var requests = await Task.WhenAll(Enumerable.Range(0, InFlight).Select(i => HalfSentAsync(server.Port, i)));
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        server.Terminate();
        await Task.Delay(300);
        var refused = await IsRefusedAsync(server.Port);
        var responses = await Task.WhenAll(requests.Select(r => r.FinishAsync()));
        var exitCode = await server.ExitCodeAsync(TimeSpan.FromSeconds(30));

        var created = responses.Count(r => r.StartsWith("HTTP/1.1 201", StringComparison.Ordinal));
        var stops = Regex.Count(server.Output, "Sample stopped");
        output.WriteLine($"shutdown: {created} of {InFlight} in-flight requests answered 201 after SIGTERM; new connection refused: {refused}; "
            + $"shutdown hook ran {stops} time(s); exit code {exitCode} {clock.Elapsed.TotalSeconds:0.0} s after SIGTERM");
        Assert.Equal(InFlight, created);
        Assert.True(refused, "A new connection was accepted after SIGTERM.");
        Assert.Equal(1, stops);
        Assert.Equal(0, exitCode);
        Assert.Equal((long)InFlight, await cluster.ScalarAsync<long>(settings["FWK_DATABASE__NAME"], "select count(*) from users"));
    }

    [Fact]
    public async Task Sigterm_WhenARequestOutlastsTheShutdownTimeout_StopsWhenTheTimeoutEnds()
    {
        var settings = cluster.SampleSettings("timeout");
        settings["FWK_NETWORKING__SHUTDOWN_TIMEOUT"] = "1";
        Assert.Equal(0, (await SampleServer.RunAsync(settings, "create_db")).ExitCode);
        using var server = SampleServer.Start(SampleServer.FreePort(), settings);
        await server.WaitUntilServingAsync();
        using var stuck = await HalfSentAsync(server.Port, 0);
        await Task.Delay(300);

        var clock = Stopwatch.StartNew();
        server.Terminate();
        var exitCode = await server.ExitCodeAsync(TimeSpan.FromSeconds(20));

        output.WriteLine($"shutdown timeout 1 s: exited {exitCode} {clock.Elapsed.TotalSeconds:0.0} s after SIGTERM, one request still unfinished");
        Assert.Equal(0, exitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Equal(1, Regex.Count(server.Output, "Sample stopped"));
    }

    private static async Task<bool> IsRefusedAsync(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync("127.0.0.1", port);
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }

    private static async Task<HalfSentRequest> HalfSentAsync(int port, int index)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"name":"In flight {{index}}","email":"inflight{{index}}@example.com"}""");
        var head = Encoding.ASCII.GetBytes($"POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", port);
        await socket.SendAsync(head.Concat(body[..(body.Length / 2)]).ToArray());
        return new HalfSentRequest(socket, body[(body.Length / 2)..]);
    }

    // A request whose body is half sent; FinishAsync sends the rest and reads the whole response.
    private sealed class HalfSentRequest(Socket socket, byte[] rest) : IDisposable
    {
        public async Task<string> FinishAsync()
        {
            await socket.SendAsync(rest);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var received = new MemoryStream();
            var buffer = new byte[4096];
            for (int read; (read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0;)
            {
                received.Write(buffer, 0, read);
            }

            return Encoding.UTF8.GetString(received.ToArray());
        }

        public void Dispose() => socket.Dispose();
    }
}
