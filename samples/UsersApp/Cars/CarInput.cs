using System.ComponentModel.DataAnnotations;

namespace Sample.Cars;

/// <summary>The body of POST <c>/users/{id}/cars</c>.</summary>
public sealed class CarInput
{
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; set; }

    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string? Model { get; set; }

    [Range(1, 10)]
    public int Doors { get; set; } = 4;

    [StringLength(30)]
    public string? Color { get; set; }
}
