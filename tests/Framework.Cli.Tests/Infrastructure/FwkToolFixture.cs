using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Fwk.Cli.Tests.Infrastructure;

/// <summary>
/// Once per test run: packs Fwk, Fwk.Db, Fwk.Jobs, Fwk.Accounts, Fwk.Testing and Fwk.Cli (a version unique to the run) into a temp folder, installs the
/// fwk tool from there with <c>dotnet tool install --tool-path</c>, and scaffolds the Demo project (create_project with
/// the repository as --fwk-source, then create_app Blog) that the end-to-end tests share. Disposing stops the Demo
/// project's managed PostgreSQL with <c>fwk db stop</c> and deletes the temp folder.
/// </summary>
public sealed class FwkToolFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);

    public FwkToolFixture()
    {
        Root = Directory.CreateTempSubdirectory("fwk-cli-tests-").FullName;
        Packages = Path.Combine(Root, "packages");
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{System.Environment.ProcessId}";
        var realCache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Environment = new Dictionary<string, string?>
        {
            ["DOTNET_ROOT"] = System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? root : DotnetRoot(),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["NO_COLOR"] = "1",
        };

        // The run's own package versions go to a throwaway cache; everything else comes from the machine's cache.
        // Only for what restores this run's packages: a build with another cache would also re-restore the
        // repository's own src/ projects (a project reference restores its references) and rewrite their obj/.
        PackageEnvironment = new Dictionary<string, string?>(Environment)
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget"),
            ["NUGET_FALLBACK_PACKAGES"] = realCache,
        };
    }

    /// <summary>The temp folder of the whole run.</summary>
    public string Root { get; }

    /// <summary>Where the packs go (a package source for --package-source).</summary>
    public string Packages { get; }

    /// <summary>The version of the packs of this run.</summary>
    public string Version { get; }

    /// <summary>The environment of every process the tests start.</summary>
    public Dictionary<string, string?> Environment { get; }

    /// <summary><see cref="Environment"/> with a throwaway NuGet cache, for restoring this run's packages.</summary>
    public Dictionary<string, string?> PackageEnvironment { get; }

    /// <summary>The installed fwk executable.</summary>
    public string Fwk => Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "fwk.exe" : "fwk");

    /// <summary>The Demo project (Hello, Items and Blog apps; the Initial migration) shared by the end-to-end tests.</summary>
    public string DemoDirectory => Path.Combine(Root, "projects", "Demo");

    public ProcessResult CreateProject { get; private set; } = null!;

    public ProcessResult CreateApp { get; private set; } = null!;

    /// <summary>An empty directory, for "no project" tests.</summary>
    public string EmptyDirectory => Directory.CreateDirectory(Path.Combine(Root, "empty")).FullName;

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();

        // The libraries are packed from the build the tests were built with (this project references them for it): their
        // version is the pack's, their assemblies are already compiled. The tool is built anew with the run's version, as
        // create_project and --version read the tool's own assembly version.
        foreach (var library in new[] { "Framework", "Framework.Db", "Framework.Jobs", "Framework.Accounts", "Framework.Testing" })
        {
            string[] pack = ["pack", Path.Combine(RepositoryRoot.Path, "src", library), "--no-build", "-c", BuildConfiguration, .. PackOptions];
            Check(await TestProcess.RunAsync("dotnet", pack, Root, PackTimeout, Environment));
        }

        string[] packTool =
        [
            "pack", Path.Combine(RepositoryRoot.Path, "src", "Framework.Cli"), "-c", "Release", "--artifacts-path", Path.Combine(Root, "build"),
            .. PackOptions,
        ];
        Check(await TestProcess.RunAsync("dotnet", packTool, Root, PackTimeout, PackageEnvironment));

        string[] install = ["tool", "install", "--tool-path", Path.Combine(Root, "tools"), "--add-source", Packages, "--version", Version, "Fwk.Cli"];
        Check(await TestProcess.RunAsync("dotnet", install, Root, PackTimeout, PackageEnvironment));
        Console.WriteLine($"fwk {Version} packed and installed in {watch.Elapsed.TotalSeconds:0}s");

        var projects = Directory.CreateDirectory(Path.Combine(Root, "projects")).FullName;
        CreateProject = await RunFwkAsync(projects, "create_project", "--name", "Demo", "--fwk-source", RepositoryRoot.Path);
        CreateApp = await RunFwkAsync(DemoDirectory, "create_app", "--name", "Blog");
    }

    /// <summary>Runs the installed fwk in <paramref name="workingDirectory"/> (killed after 4 minutes).</summary>
    public Task<ProcessResult> RunFwkAsync(string workingDirectory, params string[] arguments) =>
        TestProcess.RunAsync(Fwk, arguments, workingDirectory, TimeSpan.FromMinutes(4), Environment);

    /// <summary>Like <see cref="RunFwkAsync"/> with <see cref="PackageEnvironment"/>, for projects on this run's packages.</summary>
    public Task<ProcessResult> RunFwkOnPackagesAsync(string workingDirectory, params string[] arguments) =>
        TestProcess.RunAsync(Fwk, arguments, workingDirectory, TimeSpan.FromMinutes(4), PackageEnvironment);

    /// <summary>Starts the installed fwk in <paramref name="workingDirectory"/> without waiting (for <c>fwk run</c>).</summary>
    public TestProcess StartFwk(string workingDirectory, IReadOnlyDictionary<string, string?> extraEnvironment, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(Environment);
        foreach (var (name, value) in extraEnvironment)
        {
            environment[name] = value;
        }

        return TestProcess.Start(Fwk, arguments, workingDirectory, environment);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Path.Combine(DemoDirectory, ".fwk")) && File.Exists(Fwk))
            {
                var stop = await RunFwkAsync(DemoDirectory, "db", "stop", "--no-build");
                Console.WriteLine(stop.ToString());
            }
        }
        finally
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException exception)
            {
                Console.WriteLine($"Could not delete {Root}: {exception.Message}");
            }
            catch (UnauthorizedAccessException exception)
            {
                Console.WriteLine($"Could not delete {Root}: {exception.Message}");
            }
        }
    }

    private static string BuildConfiguration =>
        typeof(FwkToolFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private string[] PackOptions => ["-o", Packages, $"-p:Version={Version}", "-nologo", "-v", "q"];

    private static void Check(ProcessResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>: where the fwk apphost finds the runtime.
    private static string DotnetRoot() =>
        new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory()).Parent!.Parent!.Parent!.FullName;
}
