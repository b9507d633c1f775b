namespace Fwk.Cli;

/// <summary>The entry point of the <c>fwk</c> command.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        SignalForwarder.HearInheritedIgnoredSignals();
        return FwkCommand.RunAsync(args);
    }
}
