using Microsoft.AspNetCore.Http;

namespace Fwk.Db;

/// <summary>
/// The result of a request with an <c>Idempotency-Key</c>: a response played from stored bytes (a repeat), or the handler's
/// own result, which the save first writes into memory (after the handler's changes are saved, so generated keys are in
/// it) and stores with the key in the same transaction; the client then gets exactly the stored bytes.
/// </summary>
internal sealed class IdempotentResponse : IResult, IStatusCodeHttpResult
{
    /// <summary>The header that tells a client its request was answered from a stored response.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    private readonly IResult? _handlerResult;
    private bool _replayed;

    private IdempotentResponse(IResult? handlerResult, int status, string? contentType, string? location, byte[] body)
    {
        _handlerResult = handlerResult;
        Status = status;
        ContentType = contentType;
        Location = location;
        Body = body;
    }

    public int? StatusCode => _handlerResult is IStatusCodeHttpResult inner ? inner.StatusCode : Status;

    public int Status { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[] Body { get; private set; }

    /// <summary>The handler's result, to be written into memory when the request's changes are saved.</summary>
    public static IdempotentResponse ForHandler(IResult result) => new(result, 0, null, null, []);

    /// <summary>A repeat of <paramref name="record"/>'s request: its stored response.</summary>
    public static IdempotentResponse Replay(IdempotencyRecord record) =>
        new(null, record.Status, record.ContentType, record.Location, record.Body) { _replayed = true };

    /// <summary>Writes the handler's result into memory (once), as it would have been written to the client.</summary>
    public async Task CaptureAsync(HttpContext request)
    {
        if (_handlerResult is null || Body.Length > 0)
        {
            return;
        }

        var memory = new DefaultHttpContext { RequestServices = request.RequestServices };
        using var body = new MemoryStream();
        memory.Response.Body = body;
        await _handlerResult.ExecuteAsync(memory);
        (Status, ContentType, Location, Body) = (memory.Response.StatusCode, memory.Response.ContentType, memory.Response.Headers.Location, body.ToArray());
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (_handlerResult is not null && Status == 0)
        {
            await _handlerResult.ExecuteAsync(httpContext); // nothing was saved (no database work reached the save)
            return;
        }

        httpContext.Response.StatusCode = Status;
        httpContext.Response.ContentType = ContentType;
        if (Location is not null)
        {
            httpContext.Response.Headers.Location = Location;
        }

        if (_replayed)
        {
            httpContext.Response.Headers[ReplayedHeader] = "true";
        }

        httpContext.Response.ContentLength = Body.Length;
        await httpContext.Response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}
