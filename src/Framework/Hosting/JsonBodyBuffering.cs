using Microsoft.AspNetCore.Http;

namespace Fwk;

/// <summary>
/// Reads a JSON request body to its end before the handler binds it, so a request in flight when the server stops still
/// completes. Kestrel's graceful stop cancels the pending read of every connection; a body read stream by stream shrugs
/// that off, but the JSON binder reads from the pipe and, when it had to look ahead past a partial token, gets the
/// cancellation and fails the request (500). The body is kept in memory (on disk past 30 KB), bounded by
/// <c>max_body_size</c>; bodies of other types are left as they are.
/// </summary>
internal sealed class JsonBodyBuffering(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        return (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) && request.HasJsonContentType()
            ? BufferThenInvokeAsync(context)
            : next(context);
    }

    private async Task BufferThenInvokeAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        request.Body.Position = 0;
        await next(context);
    }
}
