namespace Fwk.Cli;

/// <summary>A project found on disk.</summary>
/// <param name="Path">The absolute path of the .csproj file.</param>
/// <param name="Directory">The project directory (where config.ini lives and where verbs run).</param>
/// <param name="Name">The project's name: the .csproj file name without extension.</param>
internal sealed record ProjectFile(string Path, string Directory, string Name);
