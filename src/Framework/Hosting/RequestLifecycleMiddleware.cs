using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fwk;

/// <summary>
/// Raises request_start before the rest of the pipeline and request_end after it, in a finally, so request_end runs
/// exactly once per request_start: after a throwing handler, a failing request_start hook or a client abort.
/// Added only when some hook listens to either event.
/// </summary>
internal sealed class RequestLifecycleMiddleware(
    RequestDelegate next,
    HookStore hooks,
    IEnumerable<IExceptionHandler> exceptionHandlers,
    ILogger<RequestLifecycleMiddleware> logger)
{
    private readonly HookHandler[] _start = hooks.Get(Events.RequestStart);
    private readonly HookHandler[] _end = hooks.Get(Events.RequestEnd);
    private readonly IExceptionHandler[] _exceptionHandlers = [.. exceptionHandlers];

    public async Task InvokeAsync(HttpContext httpContext)
    {
        var context = new HookContext(Events.RequestStart, httpContext.RequestServices, httpContext, null, httpContext.RequestAborted);
        try
        {
            if (await TryStartAsync(httpContext, context))
            {
                await next(httpContext);
            }
        }
        finally
        {
            context.EventName = Events.RequestEnd;
            context.Args = null;
            await HookStore.RunAllAsync(_end, context, logger);
        }
    }

    // A failing request_start hook is answered like a handler's exception (a FwkException keeps its code, e.g. 401).
    private async ValueTask<bool> TryStartAsync(HttpContext httpContext, HookContext context)
    {
        try
        {
            await HookStore.RunAsync(_start, context);
            return true;
        }
#pragma warning disable CA1031 // Any failure becomes the error envelope; the handlers log it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var handler in _exceptionHandlers)
            {
                if (await handler.TryHandleAsync(httpContext, exception, httpContext.RequestAborted))
                {
                    break;
                }
            }

            return false;
        }
    }
}
