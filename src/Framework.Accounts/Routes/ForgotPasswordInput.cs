namespace Fwk.Accounts;

/// <summary>The body of forgot-password: <c>{"email": …}</c>.</summary>
internal sealed record ForgotPasswordInput(string? Email) : IAccountNameInput;
