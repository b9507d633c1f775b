using System.CommandLine;

namespace Fwk.Cli;

/// <summary>The root command: every verb, usage errors (exit 2 with the usage of the verb concerned, or one line for an unknown verb) and invocation.</summary>
internal static class FwkCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = Create();
        var parse = root.Parse(args);

        // fwk handles Ctrl+C and SIGTERM itself: they are forwarded to the app, which decides when to stop.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        if (parse.Errors.Count == 0)
        {
            return await parse.InvokeAsync(configuration);
        }

        // A misspelt verb gets one line naming the nearest verb, not the whole usage.
        if (UnknownVerb.Describe(parse, "fwk") is { } unknown)
        {
            Terminal.Error(unknown);
            return ExitCodes.Usage;
        }

        foreach (var error in parse.Errors)
        {
            Terminal.Error(error.Message);
        }

        await Console.Error.WriteLineAsync();
        var help = new InvocationConfiguration { Output = Console.Error, ProcessTerminationTimeout = null };
        await root.Parse([.. UnknownVerb.Path(parse.CommandResult), "--help"]).InvokeAsync(help);
        return ExitCodes.Usage;
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "fwk: runs the verbs of a Fwk project and scaffolds projects and apps.\n"
            + "Project verbs build the project in the current directory (or --project PATH) unless nothing changed since fwk "
            + "last built it, then run the verb inside the app's own process, exactly as `dotnet run -- VERB` would.\n"
            + "Exit codes: 0 ok, 1 failure, 2 usage.");
        ProjectVerbs.AddTo(root);
        ScaffoldVerbs.AddTo(root);
        return root;
    }
}
