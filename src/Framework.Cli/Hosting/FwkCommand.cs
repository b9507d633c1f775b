using System.CommandLine;
using System.CommandLine.Parsing;

namespace Fwk.Cli;

/// <summary>The root command: every verb, usage errors (exit 2 with the usage of the verb concerned) and invocation.</summary>
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

        foreach (var error in parse.Errors)
        {
            Terminal.Error(error.Message);
        }

        await Console.Error.WriteLineAsync();
        var help = new InvocationConfiguration { Output = Console.Error, ProcessTerminationTimeout = null };
        await root.Parse([.. CommandPath(parse.CommandResult), "--help"]).InvokeAsync(help);
        return ExitCodes.Usage;
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "fwk: runs the verbs of a Fwk project and scaffolds projects and apps.\n"
            + "Project verbs build the project in the current directory (or --project PATH), then run the verb inside the "
            + "app's own process, exactly as `dotnet run -- VERB` would.\n"
            + "Exit codes: 0 ok, 1 failure, 2 usage.");
        ProjectVerbs.AddTo(root);
        ScaffoldVerbs.AddTo(root);
        return root;
    }

    // The names of the verb (and sub-verb) where parsing stopped, so the usage shown is that verb's own.
    private static string[] CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }

        return [.. names];
    }
}
