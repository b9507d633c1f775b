namespace Fwk;

/// <summary>An error envelope to write: code, message arguments, data, and whether it is an expected outcome (logged at debug).</summary>
internal sealed record MappedError(int Code, object?[] Args, object? Data, bool IsExpected);
