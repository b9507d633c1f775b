namespace Shop.Shop;

/// <summary>A row in the second bind (<c>[database.ledger]</c>), written by jobs next to (or instead of) the default bind's.</summary>
public sealed class LedgerEntry
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}
