namespace Fwk;

/// <summary>
/// The framework's built-in error codes (1000–1099 are reserved for Fwk). Each answers with the
/// HTTP status in its description; apps register their own codes through <see cref="ErrorRegistry"/>.
/// </summary>
public static class ErrorCodes
{
    /// <summary>500: an unhandled exception. The body has no internals unless <c>debug = true</c>.</summary>
    public const int Unhandled = 1000;

    /// <summary>404: no route matches the path.</summary>
    public const int NotFound = 1001;

    /// <summary>400: validation failed; <c>data</c> maps each field to its messages.</summary>
    public const int ValidationFailed = 1002;

    /// <summary>400: the Host header is not in <c>[networking] allowed_hosts</c>.</summary>
    public const int HostNotAllowed = 1003;

    /// <summary>405: the path exists but not for this method; the <c>Allow</c> header lists those that do.</summary>
    public const int MethodNotAllowed = 1004;

    /// <summary>400: the body is malformed (bad JSON, wrong JSON type, invalid UTF-8, NUL in text).</summary>
    public const int MalformedBody = 1005;

    /// <summary>413: the body is larger than <c>[networking] max_body_size</c>.</summary>
    public const int BodyTooLarge = 1006;

    /// <summary>415: the content type is not one the endpoint accepts.</summary>
    public const int UnsupportedContentType = 1007;

    /// <summary>
    /// 409: a database conflict: a unique or exclusion violation, a row still referenced by another table's foreign key, or
    /// a concurrency token. <c>data</c> names the constraint and its columns when the database says which.
    /// </summary>
    public const int Conflict = 1008;

    /// <summary>503: the database is unavailable after retries.</summary>
    public const int DatabaseUnavailable = 1009;

    /// <summary>504: the request took longer than <c>[networking] request_timeout</c>.</summary>
    public const int Timeout = 1010;

    /// <summary>409: an <c>Idempotency-Key</c> came again with a different request (method, path, query or body).</summary>
    public const int IdempotencyKeyReused = 1011;

    /// <summary>414: the request line (method and URL) is longer than <c>[networking] max_request_line_size</c>.</summary>
    public const int RequestLineTooLong = 1012;

    /// <summary>431: the request headers are larger than <c>[networking] max_request_headers_size</c>.</summary>
    public const int RequestHeadersTooLarge = 1013;

    /// <summary>400: the server could not read the request itself (a malformed request line or header, no Host header).</summary>
    public const int MalformedRequest = 1014;

    /// <summary>
    /// 409: a row refers (by foreign key) to a row that does not exist, e.g. a car whose <c>user_id</c> is no user.
    /// <c>data</c> names the constraint and its columns.
    /// </summary>
    public const int RelatedRecordMissing = 1015;
}
