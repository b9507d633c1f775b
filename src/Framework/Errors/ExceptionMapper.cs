using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Fwk;

/// <summary>Turns an exception into the error code, message arguments and data of its envelope.</summary>
internal static partial class ExceptionMapper
{
    /// <summary>
    /// The envelope for <paramref name="exception"/>; internals are included only when <paramref name="debug"/>.
    /// Parameter names in binding errors are written with <paramref name="naming"/>, like the JSON fields.
    /// </summary>
    public static MappedError Map(Exception exception, bool debug, JsonNamingPolicy? naming) => exception switch
    {
        FwkException fwk => new(fwk.Code, [.. fwk.Args], fwk.Details, IsExpected: true),
        BadHttpRequestException bad => MapBadRequest(bad, naming),
        JsonException json => Malformed(json),
        _ => new(ErrorCodes.Unhandled, [], debug ? Describe(exception) : null, IsExpected: false),
    };

    private static MappedError MapBadRequest(BadHttpRequestException exception, JsonNamingPolicy? naming)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(ErrorCodes.BodyTooLarge, [], null, IsExpected: true);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new(ErrorCodes.UnsupportedContentType, [], null, IsExpected: true);
        }

        if (exception.InnerException is JsonException json)
        {
            return Malformed(json);
        }

        if (exception.InnerException is DecoderFallbackException or InvalidDataException)
        {
            return new(ErrorCodes.MalformedBody, [], null, IsExpected: true);
        }

        // Binding failures read 'Failed to bind parameter "int limit" from "abc".' or 'Required parameter "T name" was not provided from body.'
        var parameter = BoundParameter().Match(exception.Message);
        if (!parameter.Success || exception.Message.Contains(" body", StringComparison.Ordinal))
        {
            return new(ErrorCodes.MalformedBody, [], null, IsExpected: true);
        }

        var name = parameter.Groups["name"].Value;
        var errors = new Dictionary<string, string[]> { [naming?.ConvertName(name) ?? name] = [exception.Message] };
        return new(ErrorCodes.ValidationFailed, [], errors, IsExpected: true);
    }

    private static MappedError Malformed(JsonException exception) =>
        new(ErrorCodes.MalformedBody, [], exception.Path is { } path ? new Dictionary<string, string> { ["path"] = path } : null, IsExpected: true);

    private static Dictionary<string, object?> Describe(Exception exception) => new()
    {
        ["exception"] = exception.GetType().FullName,
        ["message"] = exception.Message,
        ["stack_trace"] = exception.StackTrace,
    };

    [GeneratedRegex("parameter \"[^\"]* (?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex BoundParameter();
}
