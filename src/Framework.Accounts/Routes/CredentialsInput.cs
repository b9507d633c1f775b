namespace Fwk.Accounts;

/// <summary>The body of register and login: <c>{"email": …, "password": …}</c>.</summary>
internal sealed record CredentialsInput(string? Email, string? Password) : IAccountNameInput;
