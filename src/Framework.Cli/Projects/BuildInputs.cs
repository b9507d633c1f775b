using System.Xml;
using System.Xml.Linq;

namespace Fwk.Cli;

/// <summary>
/// The files a build of a project reads, as far as fwk can tell without MSBuild: every file under the project's
/// directory and under each project it references (transitively), and the MSBuild and SDK files MSBuild picks up from
/// the directories above them. Over-inclusive on purpose: a file that changes and is not an input only costs a build.
/// </summary>
internal static class BuildInputs
{
    // Build output, the managed database, dependencies fetched by tools, and hidden folders (.git, .vs, .idea) are not inputs.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    // What MSBuild, NuGet and the SDK resolver read from the folders above a project.
    private static readonly HashSet<string> InheritedFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "Directory.Build.rsp", "global.json", "nuget.config",
    };

    /// <summary>
    /// The input files of <paramref name="project"/>, sorted, or null when they cannot be told without MSBuild (a
    /// <c>ProjectReference</c> with a property, a wildcard or a missing file; a symbolic link to a folder): such a
    /// project is always built.
    /// </summary>
    public static IReadOnlyList<string>? Find(ProjectFile project)
    {
        var projects = new List<string>();
        if (!AddWithReferences(project.Path, projects))
        {
            return null;
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in projects.Select(System.IO.Path.GetDirectoryName).Distinct())
        {
            if (!AddTree(new DirectoryInfo(directory!), files))
            {
                return null;
            }

            for (var parent = Directory.GetParent(directory!); parent is not null; parent = parent.Parent)
            {
                AddInherited(parent, files);
            }
        }

        return [.. files];
    }

    private static bool AddWithReferences(string projectPath, List<string> projects)
    {
        if (projects.Contains(projectPath, StringComparer.Ordinal))
        {
            return true;
        }

        projects.Add(projectPath);
        var references = References(projectPath);
        return references is not null && references.All(reference => AddWithReferences(reference, projects));
    }

    private static List<string>? References(string projectPath)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or XmlException)
        {
            return null;
        }

        var directory = System.IO.Path.GetDirectoryName(projectPath)!;
        var references = new List<string>();
        var includes = document.Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .SelectMany(element => (element.Attribute("Include")?.Value ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        foreach (var include in includes)
        {
            if (include.IndexOfAny(['$', '@', '%', '*', '?']) >= 0)
            {
                return null;
            }

            var path = System.IO.Path.GetFullPath(include.Replace('\\', System.IO.Path.DirectorySeparatorChar), directory);
            if (!File.Exists(path))
            {
                return null;
            }

            references.Add(path);
        }

        return references;
    }

    // False on a linked folder: following it might never end, and skipping it might miss sources.
    private static bool AddTree(DirectoryInfo directory, SortedSet<string> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is not DirectoryInfo child)
            {
                files.Add(entry.FullName);
            }
            else if (child.Name.StartsWith('.') || SkippedDirectories.Contains(child.Name))
            {
                continue;
            }
            else if (child.LinkTarget is not null || !AddTree(child, files))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddInherited(DirectoryInfo directory, SortedSet<string> files)
    {
        try
        {
            foreach (var file in directory.EnumerateFiles().Where(file => InheritedFiles.Contains(file.Name)))
            {
                files.Add(file.FullName);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // A folder above the project that fwk may not list is one MSBuild may not read either.
        }
    }
}
