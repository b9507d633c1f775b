namespace Fwk.Cli;

/// <summary>What <c>fwk create_project</c> was asked for.</summary>
/// <param name="Name">The project name (validated C# identifier).</param>
/// <param name="Directory">The parent directory of the new project folder; null for the current directory.</param>
/// <param name="FwkSource">A Fwk source tree to reference by project references; null to reference the packages.</param>
/// <param name="FwkVersion">The Fwk package version; null for the CLI's own version.</param>
/// <param name="PackageSource">A package source for Fwk written to nuget.config; null for none.</param>
internal sealed record ProjectRequest(string Name, string? Directory, string? FwkSource, string? FwkVersion, string? PackageSource);
