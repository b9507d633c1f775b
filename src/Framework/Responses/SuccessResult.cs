using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fwk;

/// <summary>
/// <c>{"status":"success"}</c> with status 200 and no data, as <see cref="Respond.Success()"/> returns it. A handler
/// declaring it as its return type is described in the OpenAPI document as answering 200 with that envelope.
/// </summary>
public sealed class SuccessResult : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    internal static readonly SuccessResult Instance = new();

    private static readonly SuccessResult<object> Empty = new(null, StatusCodes.Status200OK);

    private SuccessResult()
    {
    }

    /// <summary>Always 200.</summary>
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => Empty.ExecuteAsync(httpContext);

    /// <inheritdoc/>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ResponseMetadata.AddSuccess(builder, StatusCodes.Status200OK, typeof(EmptySuccessEnvelope));
}
