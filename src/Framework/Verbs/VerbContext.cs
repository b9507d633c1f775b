using System.CommandLine;

namespace Fwk;

/// <summary>What a verb gets when it runs: the application's services (apps configured, server not started), its arguments and output.</summary>
public sealed class VerbContext
{
    internal VerbContext(IServiceProvider services, ParseResult parseResult, TextReader input, bool isInteractive, TextWriter output, TextWriter error)
    {
        Services = services;
        ParseResult = parseResult;
        Input = input;
        IsInteractive = isInteractive;
        Output = output;
        Error = error;
    }

    /// <summary>The application's services; apps are configured, startup hooks have not run, nothing listens.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The parsed command line, to read the verb's options.</summary>
    public ParseResult ParseResult { get; }

    /// <summary>Where to read answers from.</summary>
    public TextReader Input { get; }

    /// <summary>Whether someone can answer a question (standard input is a terminal, or an input was given); otherwise verbs must not ask.</summary>
    public bool IsInteractive { get; }

    /// <summary>Plain-text output.</summary>
    public TextWriter Output { get; }

    /// <summary>Error output.</summary>
    public TextWriter Error { get; }
}
