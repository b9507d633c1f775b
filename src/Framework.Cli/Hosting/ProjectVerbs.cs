using System.CommandLine;

namespace Fwk.Cli;

/// <summary>
/// The verbs that run inside a project's own process: <c>run</c>, <c>routes</c>, <c>init_project</c>, <c>create_db</c>,
/// <c>drop_db</c>, <c>reset_db</c>, <c>db start|stop|status</c>, and <c>verb NAME</c> for any other (an app's own). Each builds the project, then runs
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
        root.Subcommands.Add(AnyVerb());
    }

    /// <summary>The <c>--project</c> option shared by every verb that works on an existing project.</summary>
    public static Option<string> ProjectOption() => new("--project", "-p")
    {
        Description = "The project: a directory holding one .csproj, or a .csproj file. Default: the current directory.",
        HelpName = "PATH",
    };

    // Verbs the project's apps add (IApp.ConfigureVerbs) are known only to the project: pass them through as given.
    private static Command AnyVerb()
    {
        var command = new Command("verb", "Run any verb of the project, including those its apps add: fwk verb NAME [ARGS…] (use -- before verb options).");
        var words = new Argument<string[]>("words") { Arity = ArgumentArity.OneOrMore, Description = "The verb and its arguments.", HelpName = "VERB" };
        command.Arguments.Add(words);
        var project = ProjectOption();
        command.Options.Add(project);
        var noBuild = NoBuildOption();
        command.Options.Add(noBuild);
        command.SetAction((parse, cancellationToken) =>
            ProjectRunner.RunAsync(parse.GetValue(project), parse.GetValue(words)!, parse.GetValue(noBuild), cancellationToken));
        return command;
    }

    private static Option<bool> NoBuildOption() => new("--no-build") { Description = "Use the last build instead of building the project first." };

    private static Command Verb(string name, string description, string[] appVerb, bool withYes = false)
    {
        var command = new Command(name, description);
        var project = ProjectOption();
        command.Options.Add(project);
        var noBuild = NoBuildOption();
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
