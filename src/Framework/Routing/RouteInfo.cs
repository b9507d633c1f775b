namespace Fwk;

/// <summary>One row of the route table: method, path pattern, owning app and handler.</summary>
internal sealed record RouteInfo(string Method, string Path, string App, string Handler);
