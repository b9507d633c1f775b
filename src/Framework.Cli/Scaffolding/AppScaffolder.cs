using System.Xml.Linq;

namespace Fwk.Cli;

/// <summary>
/// <c>fwk create_app</c>: adds an app to a project (<c>NAME/NAMEApp.cs</c>, or with <c>--crud</c> the files of
/// <see cref="CrudApp"/>), its test class when the project has <c>tests/</c>, and activates it in config.ini.
/// </summary>
internal static class AppScaffolder
{
    /// <summary>
    /// Adds app <paramref name="name"/> (a CRUD app when <paramref name="crud"/>) to the project at <paramref name="location"/>;
    /// a CRUD app added to a project with migrations gets its own, from the project's <c>db migrate</c>. Returns the exit code.
    /// </summary>
    public static async Task<int> CreateAsync(string? location, string name, bool crud, CancellationToken cancellationToken)
    {
        if (!ProjectLocator.TryFind(location, out var project, out var error))
        {
            Terminal.Error(error);
            return ExitCodes.Failure;
        }

        var rootNamespace = RootNamespace(project);
        var path = Names.RoutePath(name);
        var app = crud ? new CrudApp(rootNamespace, name, AppErrorCodes.Next(project.Directory)) : null;
        IReadOnlyList<(string Path, string Content)> files = app?.Files ?? [(Path.Combine(name, $"{name}App.cs"), AppTemplates.App(rootNamespace, name, path, $"Hello from {name}"))];
        (string Path, string Content)? test = !Directory.Exists(Path.Combine(project.Directory, TestTemplates.Folder)) ? null
            : app?.Test ?? (Path.Combine(TestTemplates.Folder, $"{name}AppTests.cs"), TestTemplates.AppTest(rootNamespace, name, path, $"Hello from {name}"));
        string[] written = [name, .. files.Select(f => f.Path), .. test is { } t ? [t.Path] : Array.Empty<string>()];
        if (FileWriter.FirstExisting(written.Select(w => Path.Combine(project.Directory, w))) is { } existing)
        {
            Terminal.Error($"Refusing to overwrite {existing}: it already exists. Choose another name.");
            return ExitCodes.Failure;
        }

        foreach (var (file, content) in files.Concat(test is { } scaffolded ? [scaffolded] : []))
        {
            FileWriter.Create(Path.Combine(project.Directory, file), content);
        }

        Terminal.Success(app is null
            ? $"Created app {rootNamespace}.{name} in {Slashed(files[0].Path)} (GET {path})"
            : $"Created CRUD app {rootNamespace}.{name} in {name}/ (model {app.Model}; GET, POST {path}; GET, PUT, DELETE {path}/{{id}}; error {app.NotFoundCode})");
        if (test is { } added)
        {
            Terminal.Info($"Added its test in {Slashed(added.Path)}.");
        }

        var config = Path.Combine(project.Directory, "config.ini");
        var appName = $"{rootNamespace}.{name}";
        var changed = FileWriter.Update(config, text => ConfigIniEditor.Activate(text, appName));
        Terminal.Info(changed ? $"Activated {appName} in config.ini ([apps] active)." : $"{appName} was already active in config.ini.");
        if (app is null)
        {
            return ExitCodes.Ok;
        }

        // Without migrations, create_db makes the tables from the model; with them, the new table needs one of its own.
        return Directory.Exists(Path.Combine(project.Directory, "Migrations"))
            ? await ScaffoldMigration.WriteAsync(project.Directory, $"add {app.Table.Replace('_', ' ')}", cancellationToken)
            : ExitCodes.Ok;
    }

    private static string Slashed(string relativePath) => relativePath.Replace('\\', '/');

    // <RootNamespace> of the .csproj when set there, else what MSBuild derives from the file name.
    private static string RootNamespace(ProjectFile project)
    {
        try
        {
            var declared = XDocument.Load(project.Path).Descendants()
                .FirstOrDefault(e => e.Name.LocalName == "RootNamespace" && !string.IsNullOrWhiteSpace(e.Value))?.Value.Trim();
            if (declared is not null && !declared.Contains("$(", StringComparison.Ordinal))
            {
                return declared;
            }
        }
        catch (System.Xml.XmlException)
        {
            // An unreadable .csproj: the file name is still a good guess, and the build will report the real problem.
        }

        return project.Name.Replace('-', '_').Replace(' ', '_');
    }
}
