namespace Tested.Notes;

/// <summary>A subscriber: a unique email, and a tag when <c>[notes] tags = true</c>.</summary>
public sealed class Subscriber
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public string? Tag { get; set; }
}
