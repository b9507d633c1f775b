namespace Sample.Cars;

/// <summary>A car owned by a user: <c>{id, name, model, doors, user_id}</c>.</summary>
public sealed class Car
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Model { get; set; }

    public int Doors { get; set; }

    public int UserId { get; set; }
}
