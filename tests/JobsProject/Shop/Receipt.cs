namespace Shop.Shop;

/// <summary>Written by the SendReceipt job through its session: exactly one per order when completion is transactional.</summary>
public sealed class Receipt
{
    public int Id { get; set; }

    public int OrderId { get; set; }
}
