namespace Sample.Cars;

/// <summary>A car owned by a user: <c>{id, name, model, doors, color, user_id}</c>.</summary>
public sealed class Car
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Model { get; set; }

    public int Doors { get; set; }

    /// <summary>Added by the second migration (AddColorToCars): nullable, so cars saved before it keep working.</summary>
    public string? Color { get; set; }

    public int UserId { get; set; }
}
