using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fwk;

/// <summary>
/// <c>{"status":"success","data":…}</c>, as <see cref="Respond.Success{T}(T)"/> returns it; null data is omitted. A handler
/// declaring it as its return type (<c>Task&lt;SuccessResult&lt;User&gt;&gt;</c>) is described in the OpenAPI document as
/// answering 200 with the envelope and <typeparamref name="T"/>'s schema.
/// </summary>
public sealed class SuccessResult<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IEndpointMetadataProvider
{
    private readonly T? _data;
    private readonly int _statusCode;

    internal SuccessResult(T? data, int statusCode)
    {
        _data = data;
        _statusCode = statusCode;
    }

    /// <summary>The HTTP status: 200 unless the result came from <see cref="Respond.Success{T}(T, int)"/>.</summary>
    public int? StatusCode => _statusCode;

    /// <summary>The data sent in the envelope.</summary>
    public object? Value => _data;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = _statusCode;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return _data is null
            ? httpContext.Response.WriteAsJsonAsync(EmptySuccessEnvelope.Instance, options, httpContext.RequestAborted)
            : httpContext.Response.WriteAsJsonAsync(new SuccessEnvelope<T>(_data), options, httpContext.RequestAborted);
    }

    /// <inheritdoc/>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ResponseMetadata.AddSuccess(builder, StatusCodes.Status200OK, typeof(SuccessEnvelope<T>));
}
