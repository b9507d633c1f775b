namespace Shop.Shop;

public sealed class Order
{
    public int Id { get; set; }

    public required string Item { get; set; }
}
