using System.ComponentModel.DataAnnotations;

namespace Shop.Shop;

public sealed record OrderInput([property: Required, StringLength(100, MinimumLength = 1)] string Item);
