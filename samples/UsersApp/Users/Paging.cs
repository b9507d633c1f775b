using System.ComponentModel.DataAnnotations;

namespace Sample.Users;

/// <summary>List paging from the query string: <c>?limit=</c> (1–100, default 20) and <c>?offset=</c> (default 0).</summary>
public sealed record Paging([Range(1, 100)] int Limit = 20, [Range(0, int.MaxValue)] int Offset = 0);
