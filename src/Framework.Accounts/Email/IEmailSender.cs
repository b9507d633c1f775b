namespace Fwk.Accounts;

/// <summary>
/// Sends the mails of the account routes (email confirmation on register, password reset on forgot-password). Register one
/// in DI (<c>app.Services.AddSingleton&lt;IEmailSender, MySender&gt;()</c>, before or after <c>UseAccounts()</c>); with none, a
/// development sender only logs each mail, and serving starts with a warning unless <c>[environment] debug = true</c>.
/// <see cref="SendAsync"/> runs in the request that sends the mail, which waits for it: a sender that enqueues a Fwk.Jobs
/// job (in the request's transaction) keeps the answer fast and the mail durable.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; an exception fails the request (1000).</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
