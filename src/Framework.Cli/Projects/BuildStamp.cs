namespace Fwk.Cli;

/// <summary>
/// What fwk records after a successful build, in <c>obj/fwk.fingerprint</c>: the fingerprint of the inputs taken
/// before the build, that of the output folder taken after it, and the assembly to run.
/// </summary>
/// <param name="Inputs">The fingerprint of the build's inputs (<see cref="BuildFingerprint.OfInputs"/>).</param>
/// <param name="Outputs">The fingerprint of the folder holding <paramref name="TargetPath"/> (<see cref="BuildFingerprint.OfOutputs"/>).</param>
/// <param name="TargetPath">The built assembly, as MSBuild reported it.</param>
internal sealed record BuildStamp(string Inputs, string Outputs, string TargetPath)
{
    // Bumped when the fingerprint's definition changes, so a stamp of an older fwk never matches.
    private const string Format = "fwk-fingerprint 1";

    /// <summary>The stamp of <paramref name="project"/>, or null when there is none or it cannot be read.</summary>
    public static BuildStamp? Read(ProjectFile project)
    {
        try
        {
            var lines = File.ReadAllLines(PathOf(project));
            return lines is [Format, var inputs, var outputs, var target] ? new BuildStamp(inputs, outputs, target) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records this stamp for <paramref name="project"/>, replacing the file at once (a concurrent reader sees the old one or the new one).</summary>
    public void Write(ProjectFile project)
    {
        var path = PathOf(project);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllLines(temporary, [Format, Inputs, Outputs, TargetPath]);
        File.Move(temporary, path, overwrite: true);
    }

    private static string PathOf(ProjectFile project) => System.IO.Path.Combine(project.Directory, "obj", "fwk.fingerprint");
}
