namespace Fwk.Db;

/// <summary>
/// One page of a table and the table's total row count, as <see cref="ReadSession.PageAsync{T}"/> reads it; sent as
/// <c>{"count": N, "items": […]}</c>.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
/// <param name="Count">How many rows the table has in all.</param>
/// <param name="Items">The page's rows, in key order.</param>
public sealed record Page<T>(long Count, IReadOnlyList<T> Items);
