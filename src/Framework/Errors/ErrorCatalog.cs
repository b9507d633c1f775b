using System.Globalization;

namespace Fwk;

/// <summary>Every error code of the framework and the active apps; filled while apps configure, read-only after.</summary>
internal sealed class ErrorCatalog
{
    /// <summary>The owner name shown for the built-in codes.</summary>
    public const string FrameworkOwner = "Fwk";

    /// <summary>The first code reserved for the framework's built-in errors.</summary>
    public const int FirstReserved = 1000;

    /// <summary>The last code reserved for the framework's built-in errors.</summary>
    public const int LastReserved = 1099;

    private readonly Dictionary<int, ErrorDefinition> _definitions = [];
    private readonly Dictionary<string, (int Code, string Owner)> _constraints = new(StringComparer.Ordinal);

    public ErrorCatalog()
    {
        Add(new(ErrorCodes.Unhandled, "Internal server error", 500, FrameworkOwner));
        Add(new(ErrorCodes.NotFound, "Not found", 404, FrameworkOwner));
        Add(new(ErrorCodes.ValidationFailed, "Validation failed", 400, FrameworkOwner));
        Add(new(ErrorCodes.HostNotAllowed, "Host not allowed", 400, FrameworkOwner));
        Add(new(ErrorCodes.MethodNotAllowed, "Method not allowed", 405, FrameworkOwner));
        Add(new(ErrorCodes.MalformedBody, "Malformed request body", 400, FrameworkOwner));
        Add(new(ErrorCodes.BodyTooLarge, "Request body too large", 413, FrameworkOwner));
        Add(new(ErrorCodes.UnsupportedContentType, "Unsupported content type", 415, FrameworkOwner));
        Add(new(ErrorCodes.Conflict, "Conflict with the current state of the data", 409, FrameworkOwner));
        Add(new(ErrorCodes.DatabaseUnavailable, "Database unavailable", 503, FrameworkOwner));
        Add(new(ErrorCodes.Timeout, "Request timed out", 504, FrameworkOwner));
        Add(new(ErrorCodes.IdempotencyKeyReused, "Idempotency-Key reused with a different request", 409, FrameworkOwner));
        Add(new(ErrorCodes.RequestLineTooLong, "Request line too long", 414, FrameworkOwner));
        Add(new(ErrorCodes.RequestHeadersTooLarge, "Request headers too large", 431, FrameworkOwner));
        Add(new(ErrorCodes.MalformedRequest, "Malformed request", 400, FrameworkOwner));
        Add(new(ErrorCodes.RelatedRecordMissing, "Related record does not exist", 409, FrameworkOwner));
    }

    /// <summary>Every registered code, the framework's first.</summary>
    public IEnumerable<ErrorDefinition> Definitions => _definitions.Values;

    /// <summary>Answers a violation of the database constraint <paramref name="constraint"/> with <paramref name="code"/>.</summary>
    public void MapConstraint(string constraint, int code, string owner)
    {
        if (!_definitions.ContainsKey(code))
        {
            throw new InvalidOperationException($"'{owner}' maps constraint '{constraint}' to error code {code}, which is not registered; add the code first.");
        }

        if (!_constraints.TryAdd(constraint, (code, owner)))
        {
            throw new InvalidOperationException($"Constraint '{constraint}' is mapped twice: by '{_constraints[constraint].Owner}' and by '{owner}'.");
        }
    }

    /// <summary>The code an app mapped <paramref name="constraint"/> to, if any.</summary>
    public int? CodeForConstraint(string? constraint) =>
        constraint is not null && _constraints.TryGetValue(constraint, out var mapped) ? mapped.Code : null;

    /// <summary>Adds a code; a code registered twice stops startup naming both owners.</summary>
    public void Add(ErrorDefinition definition)
    {
        if (definition.Status is < 400 or > 599)
        {
            throw new InvalidOperationException($"Error code {definition.Code} of '{definition.Owner}' has HTTP status {definition.Status}; error statuses are 400–599.");
        }

        if (!_definitions.TryAdd(definition.Code, definition))
        {
            var first = _definitions[definition.Code];
            throw new InvalidOperationException($"Error code {definition.Code} is registered twice: by '{first.Owner}' and by '{definition.Owner}'.");
        }
    }

    /// <summary>The definition of <paramref name="code"/>; unknown codes are a programming error answered as 1000.</summary>
    public ErrorDefinition Get(int code) =>
        _definitions.TryGetValue(code, out var definition) ? definition : _definitions[ErrorCodes.Unhandled];

    /// <summary>The definition answering <paramref name="status"/> when nothing more specific is known.</summary>
    public static int CodeForStatus(int status) => status switch
    {
        400 => ErrorCodes.MalformedBody,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        409 => ErrorCodes.Conflict,
        413 => ErrorCodes.BodyTooLarge,
        414 => ErrorCodes.RequestLineTooLong,
        415 => ErrorCodes.UnsupportedContentType,
        431 => ErrorCodes.RequestHeadersTooLarge,
        503 => ErrorCodes.DatabaseUnavailable,
        504 => ErrorCodes.Timeout,
        _ => ErrorCodes.Unhandled,
    };

    /// <summary>Formats the message of <paramref name="definition"/> with <paramref name="args"/>; a template/argument mismatch falls back to the template.</summary>
    public static string Format(ErrorDefinition definition, object?[] args)
    {
        if (args.Length == 0)
        {
            return definition.Template;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, definition.Template, args);
        }
        catch (FormatException)
        {
            return definition.Template;
        }
    }
}
