namespace Fwk.Accounts;

/// <summary>The body of a password change: <c>{"current_password": …, "new_password": …}</c>.</summary>
internal sealed record PasswordChangeInput(string? CurrentPassword, string? NewPassword);
