using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fwk;

/// <summary>
/// Writes every problem ASP.NET Core reports (bodiless error statuses via <see cref="StatusCodeEnvelopes"/>, built-in
/// validation, <c>Results.Problem</c>) as the error envelope: validation problems become 1002 with the field map, statuses
/// their built-in code.
/// </summary>
internal sealed partial class EnvelopeProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        if (context.ProblemDetails is HttpValidationProblemDetails validation)
        {
            var naming = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy;
            return new(ErrorResult.WriteAsync(httpContext, ErrorCodes.ValidationFailed, [], JsonFieldNames(validation.Errors, naming)));
        }

        var status = context.ProblemDetails.Status ?? httpContext.Response.StatusCode;

        // Host filtering rejects before routing runs, so a bare 400 without an endpoint is a disallowed host.
        var code = status == StatusCodes.Status400BadRequest && httpContext.GetEndpoint() is null
            ? ErrorCodes.HostNotAllowed
            : ErrorCatalog.CodeForStatus(status);
        return new(ErrorResult.WriteAsync(httpContext, code, [], null, status));
    }

    // Validation keys are C# member paths ("Name", "Address.Street", "Items[0].Name"); clients know the JSON names.
    private static IDictionary<string, string[]> JsonFieldNames(IDictionary<string, string[]> errors, JsonNamingPolicy? naming)
    {
        if (naming is null)
        {
            return errors;
        }

        var fields = new Dictionary<string, string[]>(errors.Count, StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var field = MemberName().Replace(key, member => naming.ConvertName(member.Value));
            fields[field] = fields.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        return fields;
    }

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex MemberName();
}
