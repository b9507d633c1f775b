using System.Reflection;

namespace Fwk.Cli;

/// <summary>
/// <c>fwk create_project</c>: a project that builds and runs at once: a Hello app (<c>GET /</c>, <c>/health</c>, the OpenAPI
/// document and <c>/docs</c>), an Items CRUD app (<see cref="CrudApp"/>) with its first migration, and their tests.
/// </summary>
internal static class ProjectScaffolder
{
    /// <summary>The CLI's own version (without build metadata): the default Fwk package version of new projects.</summary>
    public static string CliVersion { get; } =
        (typeof(ProjectScaffolder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0")
        .Split('+')[0];

    /// <summary>The CRUD app of a new project.</summary>
    public const string CrudAppName = "Items";

    /// <summary>
    /// Creates the project folder and its files, then its first migration with the project's own <c>db migrate</c> (which
    /// builds it); returns the exit code.
    /// </summary>
    public static async Task<int> CreateAsync(ProjectRequest request, CancellationToken cancellationToken)
    {
        var parent = Path.GetFullPath(string.IsNullOrWhiteSpace(request.Directory) ? Directory.GetCurrentDirectory() : request.Directory);
        var root = Path.Combine(parent, request.Name);
        if (FileWriter.FirstExisting([root]) is { } existing)
        {
            Terminal.Error($"Refusing to overwrite {existing}: it already exists. Choose another --name or --directory.");
            return ExitCodes.Failure;
        }

        if (!TryReference(request, root, out var fwk, out var error))
        {
            Terminal.Error(error);
            return ExitCodes.Failure;
        }

        var files = Files(request.Name, fwk);
        if (!string.IsNullOrWhiteSpace(request.PackageSource))
        {
            files.Add(("nuget.config", ProjectTemplates.NuGetConfig(PackageSource(request.PackageSource))));
        }

        foreach (var (path, content) in files)
        {
            FileWriter.Create(Path.Combine(root, path), content);
        }

        Terminal.Success($"Created project {request.Name} in {root}");
        foreach (var (path, _) in files)
        {
            Terminal.Info($"  {path.Replace('\\', '/')}");
        }

        Terminal.Info(fwk.FrameworkProject is not null
            ? $"Fwk is referenced from the source tree {Path.GetFullPath(request.FwkSource!)}."
            : $"Fwk is referenced as the packages Fwk, Fwk.Db, Fwk.Jobs and Fwk.Accounts {fwk.PackageVersion}"
                + (string.IsNullOrWhiteSpace(request.PackageSource)
                    ? " (from your NuGet sources; pass --package-source DIR for a local folder such as <fwk repo>/artifacts/packages)."
                    : $" from {PackageSource(request.PackageSource)} (nuget.config)."));
        if (await ScaffoldMigration.WriteAsync(root, "initial", cancellationToken) != ExitCodes.Ok)
        {
            return ExitCodes.Failure;
        }

        Terminal.Info("Next:");
        Terminal.Info($"  cd {Path.GetRelativePath(Directory.GetCurrentDirectory(), root)}");
        Terminal.Info("  fwk create_db     # starts the project's own PostgreSQL under .fwk/, creates the database, applies the migration");
        Terminal.Info("  fwk run           # serves http://127.0.0.1:8000: GET /, /items, /docs, /openapi/v1.json, /health");
        Terminal.Info("  dotnet test tests # the project's tests, each on a database of its own (Fwk.Testing)");
        return ExitCodes.Ok;
    }

    /// <summary>The files of project <paramref name="name"/>, by path relative to its folder (nuget.config aside).</summary>
    public static List<(string Path, string Content)> Files(string name, FwkReference fwk)
    {
        var crud = new CrudApp(name, CrudAppName, AppErrorCodes.First);
        return
        [
            ($"{name}.csproj", ProjectTemplates.Csproj(name, fwk)),
            ("Program.cs", ProjectTemplates.Program()),
            ("config.ini", ProjectTemplates.ConfigIni(name, CrudAppName)),
            (Path.Combine("Hello", "HelloApp.cs"), AppTemplates.App(name, "Hello", "/", $"Hello from {name}", frontDoor: true)),
            .. crud.Files,
            (Path.Combine(TestTemplates.Folder, $"{name}.Tests.csproj"), TestTemplates.Csproj(name, fwk)),
            (Path.Combine(TestTemplates.Folder, "test.runsettings"), TestTemplates.RunSettings()),
            (Path.Combine(TestTemplates.Folder, "HelloAppTests.cs"), TestTemplates.AppTest(name, "Hello", "/", $"Hello from {name}", frontDoor: true)),
            crud.Test,
            (".gitignore", ProjectTemplates.GitIgnore()),
            ("Directory.Build.props", ProjectTemplates.DirectoryBuildProps()),
            ("Directory.Packages.props", ProjectTemplates.DirectoryPackagesProps()),
        ];
    }

    private static bool TryReference(ProjectRequest request, string root, out FwkReference fwk, out string error)
    {
        error = string.Empty;
        fwk = new FwkReference(null, null, null, null, null, string.IsNullOrWhiteSpace(request.FwkVersion) ? CliVersion : request.FwkVersion.Trim());
        if (string.IsNullOrWhiteSpace(request.FwkSource))
        {
            return true;
        }

        var source = Path.GetFullPath(request.FwkSource);
        var framework = Path.Combine(source, "src", "Framework", "Framework.csproj");
        var database = Path.Combine(source, "src", "Framework.Db", "Framework.Db.csproj");
        var jobs = Path.Combine(source, "src", "Framework.Jobs", "Framework.Jobs.csproj");
        var accounts = Path.Combine(source, "src", "Framework.Accounts", "Framework.Accounts.csproj");
        var testing = Path.Combine(source, "src", "Framework.Testing", "Framework.Testing.csproj");
        if (new[] { framework, database, jobs, accounts, testing }.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            error = $"--fwk-source {source} is not a Fwk source tree: {missing} does not exist.";
            return false;
        }

        fwk = fwk with
        {
            FrameworkProject = Written(framework, root, source),
            DatabaseProject = Written(database, root, source),
            JobsProject = Written(jobs, root, source),
            AccountsProject = Written(accounts, root, source),
            TestingProject = Written(testing, Path.Combine(root, TestTemplates.Folder), source),
        };
        return true;
    }

    // Relative to the referencing project's folder when it lives inside the source tree (it moves with it), absolute otherwise.
    private static string Written(string file, string root, string source)
    {
        var inside = root.StartsWith(Path.TrimEndingDirectorySeparator(source) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? Path.GetRelativePath(root, file) : file;
    }

    // A folder given relative to the current directory is written absolute; URLs stay as they are.
    private static string PackageSource(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source);
}
