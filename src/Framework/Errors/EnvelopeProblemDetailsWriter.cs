using Microsoft.AspNetCore.Http;

namespace Fwk;

/// <summary>
/// Writes every problem ASP.NET Core reports (status code pages, built-in validation, <c>Results.Problem</c>) as the
/// error envelope: validation problems become 1002 with the field map, statuses their built-in code.
/// </summary>
internal sealed class EnvelopeProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        if (context.ProblemDetails is HttpValidationProblemDetails validation)
        {
            return new(ErrorResult.WriteAsync(httpContext, ErrorCodes.ValidationFailed, [], validation.Errors));
        }

        var status = context.ProblemDetails.Status ?? httpContext.Response.StatusCode;

        // Host filtering rejects before routing runs, so a bare 400 without an endpoint is a disallowed host.
        var code = status == StatusCodes.Status400BadRequest && httpContext.GetEndpoint() is null
            ? ErrorCodes.HostNotAllowed
            : ErrorCatalog.CodeForStatus(status);
        return new(ErrorResult.WriteAsync(httpContext, code, [], null, status));
    }
}
