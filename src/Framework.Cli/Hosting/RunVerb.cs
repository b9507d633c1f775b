using System.CommandLine;

namespace Fwk.Cli;

/// <summary>
/// <c>fwk run</c>: builds and serves the project until Ctrl+C; with <c>--watch</c> (the default when
/// <c>[environment] debug = true</c>, unless <c>--no-watch</c> or <c>--no-build</c>) under <c>dotnet watch</c>, so
/// saved edits reach the running app.
/// </summary>
internal static class RunVerb
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Build and serve the project until Ctrl+C (or SIGTERM); --watch applies saved edits (hot reload, else a restart).");
        var project = ProjectVerbs.ProjectOption();
        var noBuild = ProjectVerbs.NoBuildOption();
        var watch = new Option<bool>("--watch") { Description = "Serve under dotnet watch: each saved edit is applied (or the app restarted). Default when [environment] debug = true." };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not watch, even with [environment] debug = true." };
        command.Options.Add(project);
        command.Options.Add(noBuild);
        command.Options.Add(watch);
        command.Options.Add(noWatch);
        command.Validators.Add(result =>
        {
            if (result.GetValue(watch) && (result.GetValue(noWatch) || result.GetValue(noBuild)))
            {
                result.AddError("--watch builds the project: it cannot go with --no-watch or --no-build.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var location = parse.GetValue(project);
            var watching = parse.GetValue(watch)
                || (!parse.GetValue(noWatch) && !parse.GetValue(noBuild) && ProjectLocator.TryFind(location, out var found, out _) && DebugSetting.IsOn(found.Directory));
            return watching
                ? ProjectRunner.WatchAsync(location, ["run"], cancellationToken)
                : ProjectRunner.RunAsync(location, ["run"], parse.GetValue(noBuild), cancellationToken);
        });
        return command;
    }
}
