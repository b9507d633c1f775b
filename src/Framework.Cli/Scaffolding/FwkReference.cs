namespace Fwk.Cli;

/// <summary>How a new project references Fwk: by its source tree (project references) or by package version.</summary>
/// <param name="FrameworkProject">The path of <c>src/Framework/Framework.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="DatabaseProject">The path of <c>src/Framework.Db/Framework.Db.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="JobsProject">The path of <c>src/Framework.Jobs/Framework.Jobs.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="AccountsProject">The path of <c>src/Framework.Accounts/Framework.Accounts.csproj</c> as written in the .csproj, or null for packages.</param>
/// <param name="TestingProject">The path of <c>src/Framework.Testing/Framework.Testing.csproj</c> as written in the tests' .csproj, or null for packages.</param>
/// <param name="PackageVersion">The version of the <c>Fwk</c>, <c>Fwk.Db</c>, <c>Fwk.Jobs</c>, <c>Fwk.Accounts</c> and <c>Fwk.Testing</c> packages when not referencing the source.</param>
internal sealed record FwkReference(string? FrameworkProject, string? DatabaseProject, string? JobsProject, string? AccountsProject, string? TestingProject, string PackageVersion)
{
    /// <summary>The <c>ItemGroup</c> lines of the .csproj that reference Fwk.</summary>
    public string Items => FrameworkProject is not null
        ? $"""
              <ProjectReference Include="{FrameworkProject}" />
              <ProjectReference Include="{DatabaseProject}" />
              <ProjectReference Include="{JobsProject}" />
              <ProjectReference Include="{AccountsProject}" />
          """
        : $"""
              <PackageReference Include="Fwk" Version="{PackageVersion}" />
              <PackageReference Include="Fwk.Db" Version="{PackageVersion}" />
              <PackageReference Include="Fwk.Jobs" Version="{PackageVersion}" />
              <PackageReference Include="Fwk.Accounts" Version="{PackageVersion}" />
          """;

    /// <summary>The line of the tests' .csproj that references Fwk.Testing.</summary>
    public string TestingItem => TestingProject is not null
        ? $"""    <ProjectReference Include="{TestingProject}" />"""
        : $"""    <PackageReference Include="Fwk.Testing" Version="{PackageVersion}" />""";
}
