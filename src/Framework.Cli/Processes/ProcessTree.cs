namespace Fwk.Cli;

/// <summary>The processes a child started, and theirs (Linux: read from /proc; elsewhere none are known).</summary>
internal static class ProcessTree
{
    /// <summary>
    /// The ids of the living descendants of <paramref name="processId"/> that have started none themselves: under
    /// <c>dotnet watch</c>, the app (and any build node), not the launchers between.
    /// </summary>
    public static IReadOnlyList<int> Leaves(int processId)
    {
        var children = Children();
        return [.. Descendants(processId, children).Where(id => !children.ContainsKey(id))];
    }

    /// <summary>The ids of every living descendant of <paramref name="processId"/>, children first.</summary>
    public static IReadOnlyList<int> Descendants(int processId) => Descendants(processId, Children());

    private static List<int> Descendants(int processId, Dictionary<int, List<int>> children)
    {
        var found = new List<int>();
        var pending = new Queue<int>([processId]);
        while (pending.TryDequeue(out var id))
        {
            foreach (var child in children.GetValueOrDefault(id, []).Where(child => !found.Contains(child)))
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    private static Dictionary<int, List<int>> Children()
    {
        var children = new Dictionary<int, List<int>>();
        if (!OperatingSystem.IsLinux())
        {
            return children;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id) && ParentOf(directory) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(id);
            }
        }

        return children;
    }

    // /proc/PID/stat is "PID (COMMAND) STATE PPID …"; the command may hold spaces and parentheses, hence the last ')'.
    private static int? ParentOf(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // The process ended meanwhile.
        }
    }
}
