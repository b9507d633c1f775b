using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Fwk.Tests.Hosting;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Networking;

/// <summary>Requests Kestrel rejects before any middleware runs still get the error envelope, over a raw socket.</summary>
public sealed class RejectionEnvelopesTests
{
    [Theory]
    [InlineData("long request line", 414, ErrorCodes.RequestLineTooLong)]
    [InlineData("large headers", 431, ErrorCodes.RequestHeadersTooLarge)]
    [InlineData("malformed header line", 400, ErrorCodes.MalformedRequest)]
    [InlineData("unknown version", 505, ErrorCodes.Unhandled)]
    [InlineData("missing host", 400, ErrorCodes.MalformedRequest)]
    public async Task Rejection_ByKestrel_AnswersTheEnvelopeAndCloses(string request, int status, int code)
    {
        await using var project = await new TestProject(networking: "max_request_line_size = 1024\nmax_request_headers_size = 4096").Add<NetworkApp>().StartAsync();
        var raw = request switch
        {
            "long request line" => $"GET /{new string('a', 2000)} HTTP/1.1\r\nHost: x\r\n\r\n",
            "large headers" => $"GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: {new string('b', 5000)}\r\n\r\n",
            "malformed header line" => "GET /ping HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n",
            "unknown version" => "GET /ping HTTP/7.0\r\nHost: x\r\n\r\n",
            _ => "GET /ping HTTP/1.1\r\n\r\n",
        };

        var response = await ExchangeAsync(project, raw);

        var (head, body) = (response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)], response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/json; charset=utf-8\r\n", head, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close", head, StringComparison.Ordinal);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", head, StringComparison.Ordinal);
        var envelope = JsonDocument.Parse(body).RootElement;
        Assert.Equal("error", envelope.GetProperty("status").GetString());
        Assert.Equal(code, envelope.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Request_WithinTheConfiguredLimits_IsServedAsUsual()
    {
        await using var project = await new TestProject(networking: "max_request_line_size = 1024").Add<NetworkApp>().StartAsync();

        var response = await ExchangeAsync(project, $"GET /ping?q={new string('a', 500)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK", response, StringComparison.Ordinal);
        Assert.EndsWith("{\"status\":\"success\",\"data\":\"pong\"}", response.Replace("\r\n0\r\n\r\n", string.Empty, StringComparison.Ordinal).TrimEnd(), StringComparison.Ordinal);
    }

    private static async Task<string> ExchangeAsync(TestProject project, string request)
    {
        var address = new Uri(project.App.Urls[0]);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        for (int read; (read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0;)
        {
            received.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
