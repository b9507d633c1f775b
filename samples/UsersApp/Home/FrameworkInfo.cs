namespace Sample.Home;

/// <summary>What <c>GET /</c> answers: the framework's name and version.</summary>
public sealed record FrameworkInfo(string Framework, string? Version);
