using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>
/// Runs a handler at most once per <c>Idempotency-Key</c> (POST, PUT, PATCH and DELETE). The request's default-bind session
/// opens a transaction and takes a transaction advisory lock on the key, so a second copy of the request waits for the
/// first to finish; then a stored response is played again (with <c>Idempotent-Replayed: true</c>), a key that came with
/// another request is refused (1011, 409), and a new key runs the handler, whose response is stored with the key when
/// its changes are saved, in the same transaction. A failed request stores nothing: its key may be used again.
/// </summary>
internal sealed class IdempotencyFilter : IFrameworkEndpointFilter
{
    /// <summary>The request header (the IETF draft's name).</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>Routes that accept POST, PUT, PATCH or DELETE (or any method); reads never carry a key.</summary>
    public bool AppliesTo(EndpointBuilder endpoint) =>
        endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault()?.HttpMethods is not { } methods
        || methods.Any(method => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Applies(context.HttpContext.Request) ? RunOnceAsync(context, next) : next(context);

    private static async ValueTask<object?> RunOnceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length is 0 or > IdempotencyRecordConfiguration.MaxKeyLength)
        {
            return Respond.ErrorWithData(ErrorCodes.ValidationFailed, new Dictionary<string, string[]>
            {
                [Header] = [$"Give 1 to {IdempotencyRecordConfiguration.MaxKeyLength} characters."],
            });
        }

        var sessions = http.RequestServices.GetRequiredService<RequestSessions>();
        sessions.HttpContext = http;
        var session = sessions.Get(sessions.Binds.Default);
        var hash = await HashAsync(http.Request);
        await session.Database.BeginTransactionAsync(http.RequestAborted);
        await session.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", http.RequestAborted);
        var stored = await session.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, http.RequestAborted);
        if (stored is not null && stored.ExpiresAt > DateTime.UtcNow)
        {
            await session.Database.RollbackTransactionAsync(http.RequestAborted);
            return stored.RequestHash == hash ? IdempotentResponse.Replay(stored) : Respond.Error(ErrorCodes.IdempotencyKeyReused);
        }

        if (stored is not null)
        {
            session.Remove(stored); // expired: the key is free again
        }

        var result = await next(context);
        if (result is ErrorResult or IStatusCodeHttpResult { StatusCode: >= 400 } || http.Response.HasStarted)
        {
            return result;
        }

        var response = IdempotentResponse.ForHandler(result as IResult ?? (result is null ? Respond.Success() : new SuccessResult<object>(result, StatusCodes.Status200OK)));
        sessions.Idempotency = (key, hash, response);
        return response;
    }

    /// <summary>Whether <paramref name="request"/> is one this applies to: POST, PUT, PATCH or DELETE with the header.</summary>
    public static bool Applies(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        && request.Headers.ContainsKey(Header);

    // The request as the key must match it again: method, path, query and body (buffered by IdempotencyBuffering, and
    // already read once by the handler's binding).
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0;)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
