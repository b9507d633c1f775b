namespace Fwk;

/// <summary>
/// What a host that runs a project's own <c>Program</c> in process (Fwk.Testing) changes about the
/// <see cref="FwkApplication"/> that Program creates: set as an ambient value around the call to the entry point, read by
/// <see cref="FwkApplication.Create"/>. Nothing changes when none is set, as in every real run.
/// </summary>
internal sealed class HostOverrides
{
    private static readonly AsyncLocal<HostOverrides?> Ambient = new();

    /// <summary>The overrides for applications created in the current async flow, if any.</summary>
    public static HostOverrides? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Replaces the options Program passed (project directory, variables, writers, project assembly).</summary>
    public required FwkOptions Options { get; init; }

    /// <summary>Replaces the command line: a verb and its options, or empty to serve.</summary>
    public required string[] Args { get; init; }

    /// <summary>Runs before the host is built, after Program and the apps registered their services.</summary>
    public Action<FwkApplication>? Configure { get; init; }

    /// <summary>Runs instead of parsing the command line, when set; returns the exit code.</summary>
    public Func<FwkApplication, Task<int>>? Run { get; init; }
}
