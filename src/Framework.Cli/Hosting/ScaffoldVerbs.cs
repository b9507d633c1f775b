using System.CommandLine;

namespace Fwk.Cli;

/// <summary>The scaffolding verbs: <c>create_project</c> and <c>create_app</c>. Neither builds anything.</summary>
internal static class ScaffoldVerbs
{
    /// <summary>Adds both verbs to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(CreateProject());
        root.Subcommands.Add(CreateApp());
    }

    private static Command CreateProject()
    {
        var name = NameOption("project", "The project's name, also its root namespace and .csproj name (a C# identifier).");
        var directory = new Option<string>("--directory", "-d")
        {
            Description = "The folder to create the project in (as DIRECTORY/NAME). Default: the current directory.",
            HelpName = "DIRECTORY",
        };
        var source = new Option<string>("--fwk-source")
        {
            Description = "Reference Fwk by project references to this source tree (a clone of the Fwk repository) instead of packages.",
            HelpName = "PATH",
        };
        var version = new Option<string>("--fwk-version")
        {
            Description = $"The version of the Fwk and Fwk.Db packages to reference. Default: {ProjectScaffolder.CliVersion}, this fwk's version.",
            HelpName = "VERSION",
        };
        var packageSource = new Option<string>("--package-source")
        {
            Description = "A package source (folder or URL) holding the Fwk packages, written to the project's nuget.config.",
            HelpName = "SOURCE",
        };
        var command = new Command("create_project", "Create a project: .csproj, Program.cs, config.ini and a Hello app answering GET /.")
        {
            name, directory, source, version, packageSource,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(source) is not null && (result.GetResult(version) is not null || result.GetResult(packageSource) is not null))
            {
                result.AddError("--fwk-source references the source tree; it cannot be combined with --fwk-version or --package-source.");
            }
        });
        command.SetAction(parse => ProjectScaffolder.Create(new ProjectRequest(
            parse.GetValue(name)!, parse.GetValue(directory), parse.GetValue(source), parse.GetValue(version), parse.GetValue(packageSource))));
        return command;
    }

    private static Command CreateApp()
    {
        var name = NameOption("app", "The app's name: its folder, class (NAMEApp), namespace (ROOT.NAME) and route (/name).");
        var project = ProjectVerbs.ProjectOption();
        var command = new Command("create_app", "Add an app (NAME/NAMEApp.cs, one GET route) to the project and activate it in config.ini.")
        {
            name, project,
        };
        command.SetAction(parse => AppScaffolder.Create(parse.GetValue(project), parse.GetValue(name)!));
        return command;
    }

    private static Option<string> NameOption(string what, string description)
    {
        var option = new Option<string>("--name", "-n") { Description = description, Required = true, HelpName = "NAME" };
        option.Validators.Add(result =>
        {
            if (Names.Problem(result.GetValueOrDefault<string>(), what) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }
}
