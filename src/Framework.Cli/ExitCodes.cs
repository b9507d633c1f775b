namespace Fwk.Cli;

/// <summary>The exit codes of <c>fwk</c>, the same as those of a Fwk project's own verbs.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went well.</summary>
    public const int Ok = 0;

    /// <summary>The command failed: no project, a build error, an app error, a file that already exists.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown verb, missing or invalid option.</summary>
    public const int Usage = 2;
}
