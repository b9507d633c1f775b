namespace Sample.Users;

/// <summary>The sample's mail sender: it logs the mail instead of sending it (swap in a real one in ConfigureServices).</summary>
public sealed partial class MailSender(ILogger<MailSender> logger)
{
    /// <summary>How many mails this process sent (the sample's tests read it).</summary>
    public int Sent => _sent;

    private int _sent;

    public Task SendAsync(string to, string subject)
    {
        LogMail(logger, to, subject);
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To}: {Subject}")]
    private static partial void LogMail(ILogger logger, string to, string subject);
}
