using System.Net;

namespace Fwk.Testing;

/// <summary>A response that is not the envelope a test expected; the message holds its status and body.</summary>
public sealed class EnvelopeException : Exception
{
    /// <summary>Creates the exception for a response with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public EnvelopeException(string expected, HttpStatusCode status, string body)
        : base($"Expected {expected}, got {(int)status} {status}: {body}")
    {
        Status = status;
        Body = body;
    }

    internal EnvelopeException(string message, HttpStatusCode status, string body, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
        Body = body;
    }

    /// <summary>The response's HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The response's body.</summary>
    public string Body { get; }
}
