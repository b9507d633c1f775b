namespace Fwk;

/// <summary>
/// Throw from a handler, hook or service to answer with a registered error code, e.g.
/// <c>throw new FwkException(1101, id)</c>. The response is the error envelope with the code's status;
/// it is logged at debug level only, since it is an expected outcome rather than a failure.
/// </summary>
public sealed class FwkException : Exception
{
    /// <summary>Creates an error for <paramref name="code"/>, whose message template is filled from <paramref name="args"/>.</summary>
    public FwkException(int code, params object?[] args)
        : base($"Error {code}")
    {
        Code = code;
        Args = args;
    }

    /// <summary>The registered error code.</summary>
    public int Code { get; }

    /// <summary>The values for the code's message template.</summary>
    public IReadOnlyList<object?> Args { get; }

    /// <summary>Optional payload sent as the envelope's <c>data</c>; <see langword="null"/> (default) omits it.</summary>
    public object? Details { get; init; }
}
