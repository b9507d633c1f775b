using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>Before an app's handler runs, tells the request's sessions which request they serve (for the saving hooks).</summary>
internal sealed class RequestSessionsFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.RequestServices.GetRequiredService<RequestSessions>().HttpContext = context.HttpContext;
        return next(context);
    }
}
