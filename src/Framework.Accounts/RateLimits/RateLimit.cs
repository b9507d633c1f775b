namespace Fwk.Accounts;

/// <summary>How many requests a minute one route takes from one client address and for one account name; 0 is no limit.</summary>
internal sealed record RateLimit(string Route, int PerAddress, int PerAccount);
