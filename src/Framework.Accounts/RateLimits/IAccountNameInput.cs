namespace Fwk.Accounts;

/// <summary>A body that names an account by its email, which the account rate limit counts.</summary>
internal interface IAccountNameInput
{
    string? Email { get; }
}
