namespace Sample.Users;

/// <summary>A user of the sample: <c>{id, name, email}</c>.</summary>
public sealed class User
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }
}
