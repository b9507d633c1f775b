namespace Fwk.Accounts;

/// <summary>The body of reset-password: <c>{"email": …, "token": …, "new_password": …}</c>.</summary>
internal sealed record PasswordResetInput(string? Email, string? Token, string? NewPassword);
