using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fwk;

/// <summary>
/// The success envelope with status 201 and, when given, a <c>Location</c> header, as <see cref="Respond.Created{T}"/>
/// returns it. A handler declaring it as its return type (<c>Task&lt;CreatedResult&lt;User&gt;&gt;</c>) is described in the
/// OpenAPI document as answering 201 with the envelope and <typeparamref name="T"/>'s schema.
/// </summary>
public sealed class CreatedResult<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IEndpointMetadataProvider
{
    private readonly SuccessResult<T> _success;
    private readonly string? _location;

    internal CreatedResult(T data, string? location)
    {
        _success = new SuccessResult<T>(data, StatusCodes.Status201Created);
        _location = location;
    }

    /// <summary>Always 201.</summary>
    public int? StatusCode => StatusCodes.Status201Created;

    /// <summary>The data sent in the envelope.</summary>
    public object? Value => _success.Value;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (_location is not null)
        {
            httpContext.Response.Headers.Location = _location;
        }

        return _success.ExecuteAsync(httpContext);
    }

    /// <inheritdoc/>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ResponseMetadata.AddSuccess(builder, StatusCodes.Status201Created, typeof(SuccessEnvelope<T>));
}
