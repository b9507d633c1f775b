using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>
/// Before an app's handler runs, tells the request's sessions which request they serve, for the <see cref="DbEvents.Saving"/>
/// handlers (a save inside the handler raises them too). Added to app routes only when some app handles that event.
/// </summary>
internal sealed class RequestSessionsFilter : IFrameworkEndpointFilter
{
    public bool AppliesTo(EndpointBuilder endpoint) =>
        endpoint.ApplicationServices.GetRequiredService<HookStore>().Get(DbEvents.Saving).Length > 0;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.RequestServices.GetRequiredService<RequestSessions>().HttpContext = context.HttpContext;
        return next(context);
    }
}
