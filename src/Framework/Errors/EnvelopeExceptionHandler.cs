using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fwk;

/// <summary>
/// The last exception handler: every exception that reaches ASP.NET Core's exception handler middleware is answered
/// with the error envelope. Unexpected exceptions are logged as errors; expected ones (<see cref="FwkException"/>,
/// bad requests) at debug. A request the client aborted gets no body.
/// </summary>
internal sealed partial class EnvelopeExceptionHandler(FwkSettings settings, IOptions<JsonOptions> json, ILogger<EnvelopeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        var error = ExceptionMapper.Map(exception, settings.Debug, json.Value.SerializerOptions.PropertyNamingPolicy);
        if (error.IsExpected)
        {
            LogExpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path, error.Code);
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        await ErrorResult.WriteAsync(httpContext, error.Code, error.Args, error.Data);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client aborted {Method} {Path}.")]
    private static partial void LogAborted(ILogger logger, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} answered with error {Code}.")]
    private static partial void LogExpected(ILogger logger, Exception exception, string method, PathString path, int code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Path}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
