using System.Globalization;

namespace Harness;

/// <summary>
/// <c>--devloop</c>'s options (benchmarks/devloop.sh passes them): <c>--fwk PATH</c> the fwk executable, <c>--work DIR</c> an
/// empty folder for the scaffolded project (the script stops its PostgreSQL and deletes it), <c>--rounds N</c> the edits and
/// <c>db current</c> runs to take the median of (5 unless given; the first edit after a start comes on top).
/// </summary>
internal sealed record DevLoopOptions(string Fwk, string Work, int Rounds)
{
    public static DevLoopOptions Parse(string[] args)
    {
        string Value(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length
                ? args[at + 1]
                : fallback ?? throw new ArgumentException($"--devloop needs {name} (run benchmarks/devloop.sh).");

        return new DevLoopOptions(Value("--fwk"), Value("--work"), int.Parse(Value("--rounds", "5"), CultureInfo.InvariantCulture));
    }
}
