using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fwk;

/// <summary>
/// Wraps every app route handler: a plain return value goes out in the success envelope, and success_response or
/// exception_response runs after the handler and before the result is written, so hooks (e.g. the database save)
/// can still change the response. Error results (status 400 and above) count as exception responses, and so does a
/// request whose parameters failed to bind (code 1002, see <see cref="BindingFailures"/>): it never answers 2xx.
/// </summary>
internal sealed class ResponseHooksFilter(HookStore hooks) : IEndpointFilter
{
    // Read once, on the first request: hooks are frozen by then, and a benign race only repeats the look-up.
    private HookHandler[]? _success;
    private HookHandler[]? _exception;

    private HookHandler[] SuccessHandlers => _success ??= hooks.Get(Events.SuccessResponse);

    private HookHandler[] ExceptionHandlers => _exception ??= hooks.Get(Events.ExceptionResponse);

    // Pooled: every app request passes here, and its state machine would otherwise be a new object each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        object? result;
        if (context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest)
        {
            // A route, query or header value did not convert and binding answered 400 without throwing (the request
            // delegate generator does so): the handler must not run, and the answer names the value.
            result = BindingFailures.Describe(context.HttpContext);
            await RaiseAsync(ExceptionHandlers, Events.ExceptionResponse, context.HttpContext, result);
            return result;
        }

        try
        {
            result = await next(context);
        }
        catch (Exception exception) when (ExceptionHandlers.Length > 0)
        {
            await RaiseAsync(ExceptionHandlers, Events.ExceptionResponse, context.HttpContext, exception);
            throw;
        }

        if (IsError(result))
        {
            await RaiseAsync(ExceptionHandlers, Events.ExceptionResponse, context.HttpContext, result);
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
        await RaiseAsync(SuccessHandlers, Events.SuccessResponse, context.HttpContext, result);
        return result;
    }

    private static ValueTask RaiseAsync(HookHandler[] handlers, string eventName, HttpContext httpContext, object? args) =>
        handlers.Length == 0
            ? ValueTask.CompletedTask
            : HookStore.RunAsync(handlers, new HookContext(eventName, httpContext.RequestServices, httpContext, args, httpContext.RequestAborted));

    private static bool IsError(object? result) =>
        result is ErrorResult || (result is IStatusCodeHttpResult { StatusCode: >= 400 });
}
