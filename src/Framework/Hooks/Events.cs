namespace Fwk;

/// <summary>
/// Names of the built-in events. Handlers of one event run one after another, each awaited, in
/// registration order; framework-level handlers (e.g. the database helper's) run first on the way in
/// and last on the way out. Any other name is a custom event, raised with <see cref="Hooks.EmitAsync(string, object?, Microsoft.AspNetCore.Http.HttpContext?, CancellationToken)"/>.
/// </summary>
public static class Events
{
    /// <summary>After the host is built, before the server accepts traffic. A failure stops startup.</summary>
    public const string Startup = "startup";

    /// <summary>Every request, before routing's handler. A failure answers 1000 (500); request_end still runs.</summary>
    public const string RequestStart = "request_start";

    /// <summary>After a handler succeeded, before the response starts. A failure answers with an error envelope.</summary>
    public const string SuccessResponse = "success_response";

    /// <summary>After a handler threw or returned an error, before the response starts. The exception or error result is the event's argument.</summary>
    public const string ExceptionResponse = "exception_response";

    /// <summary>After the response, exactly once per request_start, whatever happened. Failures are logged.</summary>
    public const string RequestEnd = "request_end";

    /// <summary>Once, after in-flight requests have drained; apps in reverse order. Failures are logged.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>After an app's init function (run by <c>init_project</c>) succeeded, in the same service scope.</summary>
    public const string InitCompleted = "init_completed";
}
