using System.Collections.Concurrent;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>An <see cref="IEmailSender"/> that keeps every mail, for the tests to read the tokens sent.</summary>
internal sealed class Outbox : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The token of the last mail to <paramref name="to"/> whose subject has <paramref name="subject"/> (a body's last line).</summary>
    public string TokenOf(string to, string subject) =>
        TokenIn(_sent.Last(m => m.To == to && m.Subject.Contains(subject, StringComparison.Ordinal)).Body);

    public static string TokenIn(string body) => body.TrimEnd().Split('\n')[^1];
}
