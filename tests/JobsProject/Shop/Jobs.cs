namespace Shop.Shop;

public sealed record SendReceipt(int OrderId);

public sealed record Ping(string Text, long EnqueuedAtTicks = 0);

public sealed record Fail(string Message);

public sealed record Sleep(int Milliseconds);

public sealed record OrderPlaced(int OrderId, string Item);

public sealed record Book(int OrderId, string Text);

/// <summary>A job that only enqueues another (a <see cref="Ping"/>), writing nothing else.</summary>
public sealed record Relay(string Text);
