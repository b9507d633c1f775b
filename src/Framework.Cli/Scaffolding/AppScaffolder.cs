using System.Xml.Linq;

namespace Fwk.Cli;

/// <summary><c>fwk create_app</c>: adds <c>NAME/NAMEApp.cs</c> to a project and activates it in config.ini.</summary>
internal static class AppScaffolder
{
    /// <summary>Adds app <paramref name="name"/> to the project at <paramref name="location"/>; returns the exit code.</summary>
    public static int Create(string? location, string name)
    {
        if (!ProjectLocator.TryFind(location, out var project, out var error))
        {
            Terminal.Error(error);
            return ExitCodes.Failure;
        }

        var folder = Path.Combine(project.Directory, name);
        var file = Path.Combine(folder, $"{name}App.cs");
        var tests = Path.Combine(project.Directory, TestTemplates.Folder);
        var test = Directory.Exists(tests) ? Path.Combine(tests, $"{name}AppTests.cs") : null;
        if (FileWriter.FirstExisting([folder, file, .. test is null ? Array.Empty<string>() : [test]]) is { } existing)
        {
            Terminal.Error($"Refusing to overwrite {existing}: it already exists. Choose another --name.");
            return ExitCodes.Failure;
        }

        var rootNamespace = RootNamespace(project);
        var path = Names.RoutePath(name);
        FileWriter.Create(file, AppTemplates.App(rootNamespace, name, path, $"Hello from {name}"));
        Terminal.Success($"Created app {rootNamespace}.{name} in {Relative(project, file)} (GET {path})");
        if (test is not null)
        {
            FileWriter.Create(test, TestTemplates.AppTest(rootNamespace, name, path, $"Hello from {name}"));
            Terminal.Info($"Added its test in {Relative(project, test)}.");
        }

        var config = Path.Combine(project.Directory, "config.ini");
        var appName = $"{rootNamespace}.{name}";
        var changed = FileWriter.Update(config, text => ConfigIniEditor.Activate(text, appName));
        Terminal.Info(changed ? $"Activated {appName} in config.ini ([apps] active)." : $"{appName} was already active in config.ini.");
        return ExitCodes.Ok;
    }

    private static string Relative(ProjectFile project, string file) => Path.GetRelativePath(project.Directory, file).Replace('\\', '/');

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
