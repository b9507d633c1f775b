using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fwk;

/// <summary>Writes a registered error code in the error envelope with the code's HTTP status.</summary>
internal sealed class ErrorResult(int code, object?[] args, object? data) : IResult, IStatusCodeHttpResult
{
    public int Code => code;

    /// <summary>The status is known only once the code is looked up; filters treat any error result as an error.</summary>
    public int? StatusCode => null;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, code, args, data);

    /// <summary>
    /// Writes the envelope for <paramref name="code"/> unless the response has already started. A <paramref name="status"/>
    /// other than the code's own (e.g. 401 from authentication) is kept, with its reason phrase as the message.
    /// </summary>
    public static Task WriteAsync(HttpContext httpContext, int code, object?[] args, object? data, int? status = null)
    {
        if (httpContext.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var services = httpContext.RequestServices;
        var definition = services.GetRequiredService<ErrorCatalog>().Get(code);
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var keepStatus = status is not null && status != definition.Status;
        httpContext.Response.StatusCode = keepStatus ? status!.Value : definition.Status;
        var message = keepStatus ? ReasonPhrases.GetReasonPhrase(status!.Value) : ErrorCatalog.Format(definition, args);
        var envelope = new ErrorEnvelope(definition.Code, message, data);
        return httpContext.Response.WriteAsJsonAsync(envelope, options, httpContext.RequestAborted);
    }
}
