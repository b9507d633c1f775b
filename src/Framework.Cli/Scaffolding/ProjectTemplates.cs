namespace Fwk.Cli;

/// <summary>The files of a new project (its apps' come from <see cref="AppTemplates"/> and <see cref="CrudTemplates"/>).</summary>
internal static class ProjectTemplates
{
    /// <summary>The Scalar.AspNetCore version a new project's docs page (<c>/docs</c>) uses: the sample's.</summary>
    private const string ScalarVersion = "2.19.0";

    /// <summary>
    /// The Microsoft.AspNetCore.OpenApi version, the one Fwk depends on. Referenced directly, as the sample does: its build
    /// files, which enable the source generator's interceptors, reach only projects that reference it themselves.
    /// </summary>
    private const string OpenApiVersion = "10.0.15";

    /// <summary>The .csproj: a web project on net10.0 that references Fwk, and OpenAPI and Scalar for the docs page.</summary>
    public static string Csproj(string name, FwkReference fwk) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>{name}</RootNamespace>
            <!-- The project's tests live in tests/, a project of their own. -->
            <DefaultItemExcludes>$(DefaultItemExcludes);tests/**</DefaultItemExcludes>
          </PropertyGroup>
          <ItemGroup>
        {fwk.Items}
            <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="{OpenApiVersion}" />
            <PackageReference Include="Scalar.AspNetCore" Version="{ScalarVersion}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>Program.cs, the shape every Fwk project has.</summary>
    public static string Program() => """
        using Fwk;
        using Fwk.Accounts;
        using Fwk.Db;
        using Fwk.Jobs;

        var app = FwkApplication.Create(args);

        // ASP.NET Core's validation source generator registers this project's request models through this call.
        app.Services.AddValidation();
        app.UseDatabase();
        app.UseJobs();   // background jobs, durable events and recurring jobs ([jobs] in config.ini)
        // app.UseAccounts();   // accounts (/auth/register, /auth/login, …) and .RequireAuth() on routes: README "Accounts"
        return await app.RunAsync();

        """;

    /// <summary>config.ini: local address, the Hello and <paramref name="crudApp"/> apps active, the managed local PostgreSQL.</summary>
    public static string ConfigIni(string name, string crudApp) => $"""
        ; {name}'s configuration. FWK_ENV=dev layers config.dev.ini over this file;
        ; FWK_SECTION__KEY environment variables override any key (e.g. FWK_NETWORKING__URLS).
        [environment]
        name = production
        debug = false

        [networking]
        urls = http://127.0.0.1:8000

        [apps]
        active = {name}.Hello, {name}.{crudApp}

        [database]
        ; local = a PostgreSQL cluster managed by Fwk under .fwk/ (started on demand; `fwk db stop` stops it)
        host = local
        name = {Names.SnakeCase(name)}

        [logging]
        level = Warning
        Microsoft.Hosting.Lifetime = Information

        """;

    /// <summary>.gitignore: build output and the managed database.</summary>
    public static string GitIgnore() => """
        bin/
        obj/
        .fwk/

        """;

    /// <summary>An empty Directory.Build.props: stops MSBuild from importing one from a parent folder.</summary>
    public static string DirectoryBuildProps() => """
        <Project />

        """;

    /// <summary>Directory.Packages.props: package versions stay in the .csproj, whatever a parent folder says.</summary>
    public static string DirectoryPackagesProps() => """
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
        </Project>

        """;

    /// <summary>nuget.config adding <paramref name="source"/> (where the Fwk packages are) to the usual sources.</summary>
    public static string NuGetConfig(string source) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="fwk" value="{System.Security.SecurityElement.Escape(source)}" />
          </packageSources>
        </configuration>

        """;
}
