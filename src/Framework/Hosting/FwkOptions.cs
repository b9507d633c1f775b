using System.Collections;
using System.Reflection;

namespace Fwk;

/// <summary>Where <see cref="FwkApplication.Create"/> looks for its configuration. Every property has a default for real use; tests set them.</summary>
public sealed class FwkOptions
{
    /// <summary>The project directory holding config.ini. Default: the current directory.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>The environment whose <c>config.&lt;name&gt;.ini</c> is layered over config.ini. Default: the <c>FWK_ENV</c> variable.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The variables that override config.ini (<c>FWK_SECTION__KEY</c>). Default: the process environment.</summary>
    public IDictionary? EnvironmentVariables { get; init; }

    /// <summary>Where verbs write their output. Default: standard output.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where verbs read answers (e.g. drop_db's confirmation). Default: standard input, interactive only on a terminal; a reader given here counts as interactive.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Where verbs and startup failures write errors. Default: standard error.</summary>
    public TextWriter? Error { get; init; }

    /// <summary>The project's own assembly (where its migrations are compiled). Default: the entry assembly. Set by test hosts, whose entry assembly is the test runner.</summary>
    internal Assembly? ProjectAssembly { get; init; }
}
