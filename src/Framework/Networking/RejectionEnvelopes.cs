using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;

namespace Fwk;

/// <summary>
/// Kestrel answers a request it cannot read (a malformed request line, headers too large, a URL too long, no Host) itself,
/// before any middleware, with an empty body (<c>HttpProtocol.SetErrorResponseHeaders</c> sets <c>Content-Length: 0</c>,
/// then closes the connection) and offers no way to write one. This connection middleware, Kestrel's own extension point,
/// gives those responses the error envelope as they are written: it looks at the first bytes of each write, and only a
/// response with no body that closes the connection (Kestrel's rejections; Fwk's own errors always have a body) is
/// rewritten.
/// </summary>
internal static class RejectionEnvelopes
{
    private static readonly byte[] StatusLinePrefix = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Closing = "\r\nConnection: close\r\n"u8.ToArray();

    /// <summary>The middleware for <c>ListenOptions.Use</c>, with the envelope of each status written once from <paramref name="catalog"/>.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware(ErrorCatalog catalog)
    {
        var envelopes = new Dictionary<int, byte[]>();
        foreach (var status in new[] { 400, 408, 413, 414, 431, 500, 505 })
        {
            var definition = catalog.Get(status == 400 ? ErrorCodes.MalformedRequest : ErrorCatalog.CodeForStatus(status));
            var message = definition.Status == status ? definition.Template : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
            envelopes[status] = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["status"] = "error", ["code"] = definition.Code, ["message"] = message });
        }

        return next => connection =>
        {
            connection.Transport = new DuplexPipe(connection.Transport.Input, new Writer(connection.Transport.Output, envelopes));
            return next(connection);
        };
    }

    /// <summary>The rejection <paramref name="written"/> would become, or null when it is not a bodiless closing error response.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> written, IReadOnlyDictionary<int, byte[]> envelopes)
    {
        if (written.Length < 16 || !written.StartsWith(StatusLinePrefix) || written[9] is not ((byte)'4' or (byte)'5')
            || !written.EndsWith("\r\n\r\n"u8) || written.IndexOf(EmptyBody) < 0 || written.IndexOf(Closing) < 0
            || !int.TryParse(written.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || !envelopes.TryGetValue(status, out var body))
        {
            return null;
        }

        var headers = Encoding.ASCII.GetString(written[..^2]).Replace(
            "\r\nContent-Length: 0\r\n", $"\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n", StringComparison.Ordinal);
        return [.. Encoding.ASCII.GetBytes(headers + "\r\n"), .. body];
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    // Passes everything through to Kestrel's transport; only an Advance holding a whole rejection is replaced.
    private sealed class Writer(PipeWriter inner, IReadOnlyDictionary<int, byte[]> envelopes) : PipeWriter
    {
        private Memory<byte> _last;

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            var written = _last.Span[..Math.Min(bytes, _last.Length)];
            if (Rewrite(written, envelopes) is not { } response)
            {
                inner.Advance(bytes);
                return;
            }

            response.CopyTo(inner.GetSpan(response.Length));
            inner.Advance(response.Length);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
    }
}
