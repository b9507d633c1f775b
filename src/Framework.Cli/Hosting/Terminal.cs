namespace Fwk.Cli;

/// <summary>
/// The CLI's own messages. Progress and errors go to stderr (stdout stays the verb's output, e.g. for
/// <c>fwk routes | grep</c>); results go to stdout. A stream is coloured only when it is a terminal and neither
/// <c>NO_COLOR</c> is set nor <c>TERM=dumb</c>.
/// </summary>
internal static class Terminal
{
    private const string Cyan = "\u001b[36m";
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    /// <summary>True when stdout gets colour.</summary>
    public static bool OutputIsColoured => Coloured(Console.IsOutputRedirected);

    /// <summary>True when stderr gets colour.</summary>
    public static bool ErrorIsColoured => Coloured(Console.IsErrorRedirected);

    /// <summary>A progress line on stderr (e.g. "Building Demo…").</summary>
    public static void Progress(string message) => Console.Error.WriteLine(Paint(message, Cyan, ErrorIsColoured));

    /// <summary>An error line on stderr.</summary>
    public static void Error(string message) => Console.Error.WriteLine(Paint(message, Red, ErrorIsColoured));

    /// <summary>Text written to stderr as is (e.g. a failed build's output).</summary>
    public static void Plain(string text) => Console.Error.Write(text.EndsWith('\n') ? text : text + Environment.NewLine);

    /// <summary>A result line on stdout.</summary>
    public static void Success(string message) => Console.Out.WriteLine(Paint(message, Green, OutputIsColoured));

    /// <summary>A plain line on stdout.</summary>
    public static void Info(string message) => Console.Out.WriteLine(message);

    private static string Paint(string message, string colour, bool coloured) => coloured ? colour + message + Reset : message;

    private static bool Coloured(bool redirected) =>
        !redirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
