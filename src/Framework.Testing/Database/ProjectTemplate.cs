namespace Fwk.Testing;

/// <summary>The template databases of one project, one per bind, and the config.ini section each bind is read from.</summary>
internal sealed record ProjectTemplate(IReadOnlyList<(string Bind, string Section, string Template)> Binds);
