using Microsoft.Extensions.Logging;

namespace Fwk.Accounts;

/// <summary>
/// The sender when the project registers none: logs each mail, body and token included, at Information under this
/// category, and sends nothing. For development; serving with it outside debug logs a warning at startup.
/// </summary>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        LogMail(logger, message.To, message.Subject, message.Body);
        return Task.CompletedTask;
    }

    /// <summary>The startup hook: warns when <paramref name="sender"/> is this one and <c>[environment] debug</c> is off.</summary>
    public static void WarnOutsideDebug(IEmailSender sender, ConfigReader config, ILogger<LoggingEmailSender> logger)
    {
        if (sender is LoggingEmailSender && !config.Bool("environment", "debug", fallback: false))
        {
            LogOnlyLogged(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} (only logged: no IEmailSender is registered): {Subject}\n{Body}")]
    private static partial void LogMail(ILogger logger, string to, string subject, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No IEmailSender is registered: account mails (email confirmation, password reset) are only logged, never sent. Register one in app.Services.")]
    private static partial void LogOnlyLogged(ILogger logger);
}
