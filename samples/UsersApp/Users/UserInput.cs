using System.ComponentModel.DataAnnotations;

namespace Sample.Users;

/// <summary>The body of POST and PUT <c>/users</c>: every field required.</summary>
public sealed class UserInput
{
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; set; }

    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }
}
