using Microsoft.AspNetCore.Http;

namespace Fwk;

/// <summary>The success envelope with status 201 and a <c>Location</c> header.</summary>
internal sealed class CreatedResult<T>(T data, string location) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public int? StatusCode => StatusCodes.Status201Created;

    public object? Value => data;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return new SuccessResult<T>(data, StatusCodes.Status201Created).ExecuteAsync(httpContext);
    }
}
