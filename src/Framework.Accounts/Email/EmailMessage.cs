namespace Fwk.Accounts;

/// <summary>A plain-text mail to one address.</summary>
/// <param name="To">The account's email address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">Plain text; a password reset or confirmation body holds the token, a secret until it is used.</param>
public sealed record EmailMessage(string To, string Subject, string Body);
