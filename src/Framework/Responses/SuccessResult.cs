using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fwk;

/// <summary>Writes <paramref name="data"/> in the success envelope with the app's JSON options; null data is omitted.</summary>
internal sealed class SuccessResult<T>(T? data, int statusCode) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public int? StatusCode => statusCode;

    public object? Value => data;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return data is null
            ? httpContext.Response.WriteAsJsonAsync(EmptySuccessEnvelope.Instance, options, httpContext.RequestAborted)
            : httpContext.Response.WriteAsJsonAsync(new SuccessEnvelope<T>(data), options, httpContext.RequestAborted);
    }
}
