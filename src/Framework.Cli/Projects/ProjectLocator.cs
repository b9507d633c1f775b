using System.Diagnostics.CodeAnalysis;

namespace Fwk.Cli;

/// <summary>Finds the project a verb works on: the current directory or <c>--project PATH</c>.</summary>
internal static class ProjectLocator
{
    /// <summary>
    /// Finds the project at <paramref name="location"/> (default: the current directory): a directory holding exactly
    /// one .csproj, or a .csproj file. On failure <paramref name="error"/> says why, starting "No Fwk project found in".
    /// </summary>
    public static bool TryFind(string? location, [NotNullWhen(true)] out ProjectFile? project, out string error)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(location) ? Directory.GetCurrentDirectory() : location);
        project = null;
        error = string.Empty;
        if (File.Exists(path))
        {
            if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                error = $"No Fwk project found in {path}: not a .csproj file.";
                return false;
            }

            project = FromFile(path);
            return true;
        }

        if (!Directory.Exists(path))
        {
            error = $"No Fwk project found in {path}: no such file or directory.";
            return false;
        }

        var candidates = Directory.GetFiles(path, "*.csproj").Order(StringComparer.Ordinal).ToArray();
        switch (candidates.Length)
        {
            case 1:
                project = FromFile(candidates[0]);
                return true;
            case 0:
                error = $"No Fwk project found in {path}: no .csproj file there. "
                    + "Run fwk in a project directory, pass --project PATH, or create one with `fwk create_project --name NAME`.";
                return false;
            default:
                var names = string.Join(", ", candidates.Select(Path.GetFileName));
                error = $"No Fwk project found in {path}: several .csproj files ({names}); pass --project with the one to use.";
                return false;
        }
    }

    private static ProjectFile FromFile(string path) =>
        new(path, Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
}
