namespace Fwk.Cli;

/// <summary>How a new project references Fwk: by its source tree (project references) or by package version.</summary>
/// <param name="FrameworkProject">The path of <c>src/Framework/Framework.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="DatabaseProject">The path of <c>src/Framework.Db/Framework.Db.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="JobsProject">The path of <c>src/Framework.Jobs/Framework.Jobs.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="TestingProject">The path of <c>src/Framework.Testing/Framework.Testing.csproj</c> as written in the tests' .csproj, or null for packages.</param>
/// <param name="PackageVersion">The version of the <c>Fwk</c>, <c>Fwk.Db</c> and <c>Fwk.Jobs</c> packages when not referencing the source.</param>
internal sealed record FwkReference(string? FrameworkProject, string? DatabaseProject, string? JobsProject, string? TestingProject, string PackageVersion)
{
    /// <summary>The <c>ItemGroup</c> lines of the .csproj that reference Fwk.</summary>
    public string Items => FrameworkProject is not null
        ? $"""
              <ProjectReference Include="{FrameworkProject}" />
              <ProjectReference Include="{DatabaseProject}" />
              <ProjectReference Include="{JobsProject}" />
          """
        : $"""
              <PackageReference Include="Fwk" Version="{PackageVersion}" />
              <PackageReference Include="Fwk.Db" Version="{PackageVersion}" />
              <PackageReference Include="Fwk.Jobs" Version="{PackageVersion}" />
          """;

    /// <summary>The line of the tests' .csproj that references Fwk.Testing.</summary>
    public string TestingItem => TestingProject is not null
        ? $"""    <ProjectReference Include="{TestingProject}" />"""
        : $"""    <PackageReference Include="Fwk.Testing" Version="{PackageVersion}" />""";
}
