namespace Fwk.Accounts;

/// <summary>The body of confirm-email: <c>{"email": …, "token": …}</c>.</summary>
internal sealed record EmailConfirmationInput(string? Email, string? Token);
