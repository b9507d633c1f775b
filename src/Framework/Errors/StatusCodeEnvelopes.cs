using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fwk;

/// <summary>
/// Gives an error status that is about to leave without a body (no route: 404, another method: 405, a disallowed host,
/// a request timeout) the error envelope, through <see cref="IProblemDetailsService"/> as ASP.NET Core's status code pages
/// middleware does with the same checks (the response has not started, has no length or type; the endpoint has no
/// <c>[SkipStatusCodePages]</c>). That middleware (10.0) also sets a feature and writes to <c>HttpContext.Items</c> on
/// every request, ~500 bytes each; this one only looks at the response after the rest of the pipeline ran, and a request
/// that completed synchronously passes with no allocation.
/// </summary>
internal sealed class StatusCodeEnvelopes(RequestDelegate next, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        var pipeline = next(context);
        return pipeline.IsCompletedSuccessfully ? WriteWhenBodilessAsync(context) : AfterAsync(pipeline, context);
    }

    private async Task AfterAsync(Task pipeline, HttpContext context)
    {
        await pipeline;
        await WriteWhenBodilessAsync(context);
    }

    private Task WriteWhenBodilessAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || response.ContentLength.HasValue || !string.IsNullOrEmpty(response.ContentType)
            || context.GetEndpoint()?.Metadata.GetMetadata<ISkipStatusCodePagesMetadata>() is not null)
        {
            return Task.CompletedTask;
        }

        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = response.StatusCode } }).AsTask();
    }
}
