namespace Sample.Users;

/// <summary>
/// The sample's mail sender: it logs the mail instead of sending it (swap in a real one in ConfigureServices). <c>[mail]
/// delay_ms</c> (default 0) makes each send take that long, as a mail server would.
/// </summary>
public sealed partial class MailSender(IConfiguration configuration, ILogger<MailSender> logger)
{
    private readonly TimeSpan _delay = TimeSpan.FromMilliseconds(configuration.GetValue("mail:delay_ms", 0));
    private int _sent;

    /// <summary>How many mails this process sent (the sample's tests read it).</summary>
    public int Sent => _sent;

    public async Task SendAsync(string to, string subject, CancellationToken cancellationToken)
    {
        if (_delay > TimeSpan.Zero)
        {
            await Task.Delay(_delay, cancellationToken);
        }

        LogMail(logger, to, subject);
        Interlocked.Increment(ref _sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To}: {Subject}")]
    private static partial void LogMail(ILogger logger, string to, string subject);
}
