namespace Fwk;

/// <summary>Endpoint metadata naming the app that mapped a route (for <c>routes</c> and duplicate checks).</summary>
internal sealed record AppEndpointMetadata(string AppName);
