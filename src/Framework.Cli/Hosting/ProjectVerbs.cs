using System.CommandLine;

namespace Fwk.Cli;

/// <summary>
/// The verbs that run inside a project's own process: <c>run</c>, <c>routes</c>, <c>init_project</c>, <c>create_db</c>,
/// <c>drop_db</c>, <c>reset_db</c> and <c>db start|stop|status</c>. Each builds the project, then runs
/// <c>dotnet &lt;project.dll&gt; VERB</c> in the project directory. Their help never builds anything.
/// </summary>
internal static class ProjectVerbs
{
    /// <summary>Adds every project verb to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Verb("run", "Build and serve the project until Ctrl+C (or SIGTERM).", ["run"]));
        root.Subcommands.Add(Verb("routes", "List every route: method, path, app and handler.", ["routes"]));
        root.Subcommands.Add(Verb("init_project", "Run each active app's init function (seed data), in app order.", ["init_project"]));
        root.Subcommands.Add(Verb("create_db", "Create the database if missing, then every missing table of the active apps.", ["create_db"]));
        root.Subcommands.Add(Verb("drop_db", "Drop the database (asks unless --yes).", ["drop_db"], withYes: true));
        root.Subcommands.Add(Verb("reset_db", "Drop and recreate the database and its tables (asks unless --yes).", ["reset_db"], withYes: true));

        var db = new Command("db", "The PostgreSQL cluster Fwk manages for the project under .fwk/ ([database] host = local).");
        db.Subcommands.Add(Verb("start", "Start the managed local PostgreSQL (created on first start).", ["db", "start"]));
        db.Subcommands.Add(Verb("stop", "Stop the managed local PostgreSQL.", ["db", "stop"]));
        db.Subcommands.Add(Verb("status", "Show whether the managed local PostgreSQL runs.", ["db", "status"]));
        root.Subcommands.Add(db);
    }

    /// <summary>The <c>--project</c> option shared by every verb that works on an existing project.</summary>
    public static Option<string> ProjectOption() => new("--project", "-p")
    {
        Description = "The project: a directory holding one .csproj, or a .csproj file. Default: the current directory.",
        HelpName = "PATH",
    };

    private static Command Verb(string name, string description, string[] appVerb, bool withYes = false)
    {
        var command = new Command(name, description);
        var project = ProjectOption();
        command.Options.Add(project);
        var noBuild = new Option<bool>("--no-build") { Description = "Use the last build instead of building the project first." };
        command.Options.Add(noBuild);
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        if (withYes)
        {
            command.Options.Add(yes);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            string[] arguments = withYes && parse.GetValue(yes) ? [.. appVerb, "--yes"] : appVerb;
            return ProjectRunner.RunAsync(parse.GetValue(project), arguments, parse.GetValue(noBuild), cancellationToken);
        });
        return command;
    }
}
