using System.ComponentModel.DataAnnotations;

namespace Sample.Users;

/// <summary>List paging from the query string: <c>?limit=</c> (1–100, default 20) and <c>?offset=</c> (default 0).</summary>
public sealed class Paging
{
    /// <summary>Nullable so the query key is optional; <see cref="Take"/> applies the default.</summary>
    [Range(1, 100)]
    public int? Limit { get; set; }

    [Range(0, int.MaxValue)]
    public int? Offset { get; set; }

    public int Take => Limit ?? 20;

    public int Skip => Offset ?? 0;
}
