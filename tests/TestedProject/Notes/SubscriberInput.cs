using System.ComponentModel.DataAnnotations;

namespace Tested.Notes;

/// <summary>The body of POST /subscribers.</summary>
public sealed class SubscriberInput
{
    [Required]
    [EmailAddress]
    public string? Email { get; set; }
}
