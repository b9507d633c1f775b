namespace Sample.Users;

/// <summary>A list answer: the total count and one page of items.</summary>
public sealed record Page<T>(int Count, IReadOnlyList<T> Items);
