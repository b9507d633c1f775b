using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Fwk;

/// <summary>
/// The results handlers usually return. Envelope results (<see cref="Success{T}(T)"/>, <see cref="Created{T}"/>, <see cref="Error"/>)
/// follow Fwk's JSON contract; the others are ASP.NET Core's own results with safe defaults.
/// A handler may also return any <see cref="IResult"/> or a plain value, which is sent in the success envelope.
/// </summary>
public static class Respond
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// <c>{"status":"success","data":…}</c> with status 200. Declared as the handler's return type, it describes the route in
    /// the OpenAPI document (200, the envelope with <typeparamref name="T"/>'s schema).
    /// </summary>
    public static SuccessResult<T> Success<T>(T data) => new(data, StatusCodes.Status200OK);

    /// <summary>
    /// <c>{"status":"success","data":…}</c> with <paramref name="statusCode"/>. The OpenAPI document cannot tell the status
    /// from the handler's type: declare it with <c>.Produces(statusCode)</c>, or use <see cref="Created{T}"/> for 201.
    /// </summary>
    public static IResult Success<T>(T data, int statusCode) => new SuccessResult<T>(data, statusCode);

    /// <summary><c>{"status":"success"}</c> with status 200 and no data.</summary>
    public static SuccessResult Success() => SuccessResult.Instance;

    /// <summary>
    /// The success envelope with status 201 and, when given, a <c>Location</c> header: what a POST that creates a row
    /// answers (<c>return Respond.Created(user, $"/users/{user.Id}")</c>). Declared as the handler's return type
    /// (<c>Task&lt;CreatedResult&lt;User&gt;&gt;</c>), it describes the route in the OpenAPI document as answering 201.
    /// </summary>
    public static CreatedResult<T> Created<T>(T data, string? location = null) => new(data, location);

    /// <summary>The error envelope of a registered <paramref name="code"/>, its message filled from <paramref name="args"/>.</summary>
    public static IResult Error(int code, params object?[] args) => new ErrorResult(code, args, null);

    /// <summary>The error envelope of <paramref name="code"/> with <paramref name="data"/> as its <c>data</c>.</summary>
    public static IResult ErrorWithData(int code, object? data, params object?[] args) => new ErrorResult(code, args, data);

    /// <summary>Any value as JSON, without the envelope.</summary>
    public static IResult Json<T>(T data, int statusCode = StatusCodes.Status200OK) => Results.Json(data, statusCode: statusCode);

    /// <summary>Plain text, <c>text/plain; charset=utf-8</c> by default.</summary>
    public static IResult Text(string text, string contentType = "text/plain; charset=utf-8", int statusCode = StatusCodes.Status200OK) =>
        Results.Text(text, contentType, statusCode: statusCode);

    /// <summary>An HTML page, <c>text/html; charset=utf-8</c>.</summary>
    public static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(html, "text/html; charset=utf-8", statusCode: statusCode);

    /// <summary>A redirect: 302 by default, 301 when <paramref name="permanent"/>.</summary>
    public static IResult Redirect(string url, bool permanent = false) => Results.Redirect(url, permanent);

    /// <summary>A stream, closed after it is sent; range requests are honoured when the stream can seek.</summary>
    public static IResult Stream(Stream stream, string contentType = "application/octet-stream") =>
        Results.Stream(stream, contentType, enableRangeProcessing: stream.CanSeek);

    /// <summary>
    /// A file from <paramref name="rootDirectory"/> with range support. <paramref name="relativePath"/> usually comes from
    /// the request: a path that leaves the root (<c>..</c>, absolute paths, links are not followed out) or names no file
    /// answers 1001 (404), so no file outside the root can be read.
    /// </summary>
    public static IResult File(string rootDirectory, string relativePath, string? contentType = null)
    {
        var root = Path.GetFullPath(rootDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath.TrimStart('/', '\\')));
        var inside = full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside || !System.IO.File.Exists(full) || new FileInfo(full).LinkTarget is not null)
        {
            return Error(ErrorCodes.NotFound);
        }

        contentType ??= ContentTypes.TryGetContentType(full, out var guessed) ? guessed : "application/octet-stream";
        return Results.File(full, contentType, enableRangeProcessing: true);
    }
}
