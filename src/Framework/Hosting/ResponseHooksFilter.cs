using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fwk;

/// <summary>
/// Wraps every app route handler: a plain return value goes out in the success envelope, and success_response or
/// exception_response runs after the handler and before the result is written, so hooks (e.g. the database save)
/// can still change the response. Error results (status 400 and above) count as exception responses.
/// </summary>
internal sealed class ResponseHooksFilter(HookStore hooks) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception exception) when (hooks.Get(Events.ExceptionResponse).Length > 0)
        {
            await RaiseAsync(Events.ExceptionResponse, context.HttpContext, exception);
            throw;
        }

        if (IsError(result))
        {
            await RaiseAsync(Events.ExceptionResponse, context.HttpContext, result);
            return result;
        }

        result = result switch
        {
            // A handler that wrote the response itself (e.g. the OpenAPI document) keeps it.
            null or EmptyHttpResult when context.HttpContext.Response is { HasStarted: false, ContentType: null } => Respond.Success(),
            null or EmptyHttpResult => result,
            IResult => result,
            _ => new SuccessResult<object>(result, StatusCodes.Status200OK),
        };
        await RaiseAsync(Events.SuccessResponse, context.HttpContext, result);
        return result;
    }

    private ValueTask RaiseAsync(string eventName, HttpContext httpContext, object? args)
    {
        var handlers = hooks.Get(eventName);
        return handlers.Length == 0
            ? ValueTask.CompletedTask
            : HookStore.RunAsync(handlers, new HookContext(eventName, httpContext.RequestServices, httpContext, args, httpContext.RequestAborted));
    }

    private static bool IsError(object? result) =>
        result is ErrorResult || (result is IStatusCodeHttpResult { StatusCode: >= 400 });
}
