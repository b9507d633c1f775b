using System.ComponentModel.DataAnnotations;

namespace Sample.Users;

/// <summary>The body of PATCH <c>/users/{id}</c>: only the fields present change.</summary>
public sealed class UserPatch
{
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; set; }

    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }
}
