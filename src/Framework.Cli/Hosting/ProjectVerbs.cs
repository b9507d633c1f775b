using System.CommandLine;

namespace Fwk.Cli;

/// <summary>
/// The verbs that run inside a project's own process: <c>run</c>, <c>routes</c>, <c>init_project</c>, <c>create_db</c>,
/// <c>drop_db</c>, <c>reset_db</c>, <c>db start|stop|status</c>, the migration verbs (<c>db migrate|upgrade|downgrade|
/// history|current|check</c>), and <c>verb NAME</c> for any other (an app's own). Each builds the project (unless it is
/// up to date: <see cref="BuildFingerprint"/>), then runs
/// <c>dotnet &lt;project.dll&gt; VERB</c> in the project directory with the options it was given. Their help never builds anything.
/// </summary>
internal static class ProjectVerbs
{
    /// <summary>Adds every project verb to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(RunVerb.Create());
        root.Subcommands.Add(Verb("routes", "List every route: method, path, app and handler.", ["routes"]));
        root.Subcommands.Add(Verb("init_project", "Run each active app's init function (seed data), in app order.", ["init_project"]));
        root.Subcommands.Add(Verb("create_db", "Create each database if missing, then its tables (or apply its migrations).", ["create_db"], Bind()));
        root.Subcommands.Add(Verb("drop_db", "Drop each database (asks unless --yes).", ["drop_db"], Yes(), Bind()));
        root.Subcommands.Add(Verb("reset_db", "Drop and recreate each database and its tables (asks unless --yes).", ["reset_db"], Yes(), Bind()));

        var db = new Command("db", "The project's databases: migrations, and the PostgreSQL Fwk manages under .fwk/ (host = local).");
        db.Subcommands.Add(Verb("migrate", "Write a migration holding the model's changes since the last one (Migrations/ folder).", ["db", "migrate"], Message(), Bind()));
        db.Subcommands.Add(Verb("upgrade", "Apply pending migrations up to TARGET (default: the latest), each in its own transaction.", ["db", "upgrade"], Target(), Sql(), Bind()));
        db.Subcommands.Add(Verb("downgrade", "Revert to TARGET (default: one step back; 0 reverts all). Asks unless --yes.", ["db", "downgrade"], Target(), Yes(), Bind()));
        db.Subcommands.Add(Verb("history", "List every migration, applied or pending, newest last.", ["db", "history"], Bind()));
        db.Subcommands.Add(Verb("current", "Show the migration each database is at.", ["db", "current"], Bind()));
        db.Subcommands.Add(Verb("check", "Exit 1 and list the differences when the model has changes no migration holds (for CI).", ["db", "check"], Bind()));
        db.Subcommands.Add(Verb("start", "Start the managed local PostgreSQL (created on first start).", ["db", "start"], Bind()));
        db.Subcommands.Add(Verb("stop", "Stop the managed local PostgreSQL.", ["db", "stop"], Bind()));
        db.Subcommands.Add(Verb("status", "Show each database server: the managed cluster's state, or whether it answers.", ["db", "status"], Bind()));
        root.Subcommands.Add(db);

        var jobs = new Command("jobs", "The project's background jobs (Fwk.Jobs): the queue as tables, retries, a run in this process.");
        jobs.Subcommands.Add(Verb("list", "List jobs, newest first: id, kind, queue, state, attempts, when due, last error.", ["jobs", "list"], State(), Limit()));
        jobs.Subcommands.Add(Verb("stats", "Count jobs by queue and state, with the oldest due job's wait.", ["jobs", "stats"]));
        jobs.Subcommands.Add(Verb("retry", "Run a discarded, cancelled or waiting job again now (one more attempt allowed).", ["jobs", "retry"], JobId()));
        jobs.Subcommands.Add(Verb("discard", "Cancel a job that has not started.", ["jobs", "discard"], JobId()));
        jobs.Subcommands.Add(Verb("run-once", "Run every due job (and recurring slots of the last minute) in the project's process, then exit.", ["jobs", "run-once"]));
        root.Subcommands.Add(jobs);
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

    /// <summary>The <c>--no-build</c> option of every project verb.</summary>
    public static Option<bool> NoBuildOption() => new("--no-build") { Description = "Use the last build instead of building the project first." };

    private static Command Verb(string name, string description, string[] appVerb, params Forwarded[] forwarded)
    {
        var command = new Command(name, description);
        var project = ProjectOption();
        command.Options.Add(project);
        var noBuild = NoBuildOption();
        command.Options.Add(noBuild);
        foreach (var symbol in forwarded.Select(f => f.Symbol))
        {
            if (symbol is Argument argument)
            {
                command.Arguments.Add(argument);
            }
            else
            {
                command.Options.Add((Option)symbol);
            }
        }

        command.SetAction((parse, cancellationToken) =>
        {
            string[] arguments = [.. appVerb, .. forwarded.SelectMany(f => f.Render(parse))];
            return ProjectRunner.RunAsync(parse.GetValue(project), arguments, parse.GetValue(noBuild), cancellationToken);
        });
        return command;
    }

    private static Forwarded Yes()
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        return new(yes, parse => parse.GetValue(yes) ? ["--yes"] : []);
    }

    private static Forwarded Sql()
    {
        var sql = new Option<bool>("--sql") { Description = "Print the SQL (idempotent script) instead of running it, for a DBA." };
        return new(sql, parse => parse.GetValue(sql) ? ["--sql"] : []);
    }

    private static Forwarded Bind()
    {
        var bind = new Option<string>("--bind") { Description = "Only this bind (the NAME of [database.NAME], or default).", HelpName = "NAME" };
        return new(bind, parse => parse.GetValue(bind) is { Length: > 0 } name ? ["--bind", name] : []);
    }

    private static Forwarded Message()
    {
        var message = new Option<string>("--message", "-m") { Description = "What the migration does (its name): \"add phone to users\".", Required = true, HelpName = "MESSAGE" };
        return new(message, parse => ["--message", parse.GetValue(message)!]);
    }

    private static Forwarded Target()
    {
        var target = new Argument<string?>("target") { Arity = ArgumentArity.ZeroOrOne, Description = "A migration name or id (0: before the first).", HelpName = "TARGET" };
        return new(target, parse => parse.GetValue(target) is { Length: > 0 } value ? [value] : []);
    }

    private static Forwarded State()
    {
        var state = new Option<string?>("--state") { Description = "Only jobs in this state (available, running, completed, discarded, cancelled).", HelpName = "STATE" };
        return new(state, parse => parse.GetValue(state) is { Length: > 0 } value ? ["--state", value] : []);
    }

    private static Forwarded Limit()
    {
        var limit = new Option<int?>("--limit") { Description = "At most this many jobs (default 50).", HelpName = "N" };
        return new(limit, parse => parse.GetValue(limit) is { } value ? ["--limit", value.ToString(System.Globalization.CultureInfo.InvariantCulture)] : []);
    }

    private static Forwarded JobId()
    {
        var id = new Argument<long>("id") { Description = "The job's id (see fwk jobs list).", HelpName = "ID" };
        return new(id, parse => [parse.GetValue(id).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    /// <summary>An option or argument of a project verb, and how it is passed on to the project's own verb.</summary>
    private sealed record Forwarded(Symbol Symbol, Func<ParseResult, IEnumerable<string>> Render);
}
