using System.CommandLine;

namespace Fwk.Cli;

/// <summary>
/// The scaffolding verbs: <c>create_project</c> and <c>create_app</c>. Each writes its files first; create_project and
/// <c>create_app --crud</c> then write a migration with the project's own <c>db migrate</c>, which builds it.
/// </summary>
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
        var name = NameOption("--name", "project", "The project's name, also its root namespace and .csproj name (a C# identifier).", required: true);
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
        var command = new Command("create_project", "Create a project: .csproj, Program.cs, config.ini, a Hello app (GET /, /health, /docs), an Items CRUD app with its first migration, and tests.")
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
        command.SetAction((parse, cancellationToken) => ProjectScaffolder.CreateAsync(
            new ProjectRequest(parse.GetValue(name)!, parse.GetValue(directory), parse.GetValue(source), parse.GetValue(version), parse.GetValue(packageSource)),
            cancellationToken));
        return command;
    }

    private static Command CreateApp()
    {
        var name = NameOption("--name", "app", "The app's name: its folder, class (NAMEApp), namespace (ROOT.NAME) and route (/name).", required: false);
        var crud = NameOption("--crud", "app", "Instead of --name: a CRUD app of this name (model, configuration, validated input, five routes, tests; and a migration when the project has them).", required: false);
        var project = ProjectVerbs.ProjectOption();
        var command = new Command("create_app", "Add an app (NAME/NAMEApp.cs, one GET route; or --crud NAME) to the project and activate it in config.ini.")
        {
            name, crud, project,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(name) is null) == (result.GetResult(crud) is null))
            {
                result.AddError("Give the app's name with either --name NAME or --crud NAME.");
            }
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(crud) is { } crudName
            ? AppScaffolder.CreateAsync(parse.GetValue(project), crudName, crud: true, cancellationToken)
            : AppScaffolder.CreateAsync(parse.GetValue(project), parse.GetValue(name)!, crud: false, cancellationToken));
        return command;
    }

    private static Option<string> NameOption(string alias, string what, string description, bool required)
    {
        string[] aliases = alias == "--name" ? ["-n"] : [];
        var option = new Option<string>(alias, aliases) { Description = description, Required = required, HelpName = "NAME" };
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
