namespace Fwk;

/// <summary>
/// Where an app registers its error codes while it configures. Codes are global: a code registered
/// by two apps stops startup with a message naming both. Codes 1000–1099 are reserved for Fwk.
/// </summary>
public sealed class ErrorRegistry
{
    private readonly ErrorCatalog _catalog;
    private readonly string _owner;

    internal ErrorRegistry(ErrorCatalog catalog, string owner)
    {
        _catalog = catalog;
        _owner = owner;
    }

    /// <summary>
    /// Registers <paramref name="code"/> with a message template (<c>{0}</c>, <c>{1}</c>… are filled from the
    /// arguments given when the error is raised) and the HTTP status it answers with (400–599).
    /// </summary>
    public ErrorRegistry Add(int code, string messageTemplate, int status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageTemplate);
        if (code is >= ErrorCatalog.FirstReserved and <= ErrorCatalog.LastReserved)
        {
            throw new InvalidOperationException($"Error code {code} of '{_owner}' is in the range {ErrorCatalog.FirstReserved}–{ErrorCatalog.LastReserved} reserved for Fwk; pick another.");
        }

        _catalog.Add(new ErrorDefinition(code, messageTemplate, status, _owner));
        return this;
    }

    /// <summary>
    /// Answers a violation of the database constraint named <paramref name="constraint"/> (a unique index, a foreign key, a
    /// check or exclusion constraint, as PostgreSQL names it, e.g. <c>ix_users_email</c>) with <paramref name="code"/>
    /// instead of the built-in 1008 / 1015 / 1002, with the same <c>data</c> (<c>{"constraint":…,"columns":[…]}</c>).
    /// The code must be registered already (by this app with <see cref="Add"/>, or a built-in one); a constraint mapped by
    /// two apps stops startup naming both. Used by Fwk.Db's error handling.
    /// </summary>
    public ErrorRegistry MapConstraint(string constraint, int code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(constraint);
        _catalog.MapConstraint(constraint, code, _owner);
        return this;
    }
}
