namespace Fwk.Accounts;

/// <summary>One fixed window: a route, whose limit it counts (<c>address</c> or <c>account</c>), its value, and its permits a minute.</summary>
internal readonly record struct RateLimitPartitionKey(string Route, string Kind, string Value, int Limit);
