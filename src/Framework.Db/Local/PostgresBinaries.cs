namespace Fwk.Db.Local;

/// <summary>
/// Finds the machine's PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>), which the managed
/// local cluster needs. PATH is searched first (symbolic links are resolved, so <c>/usr/local/bin/pg_ctl</c> pointing
/// into <c>/usr/lib/postgresql/15/bin</c> yields that directory), then the usual install locations, highest version
/// first.
/// </summary>
internal static class PostgresBinaries
{
    /// <summary>The tools that must all live in the returned directory.</summary>
    public static readonly IReadOnlyList<string> RequiredTools = ["pg_ctl", "postgres", "initdb"];

    private static readonly string ExecutableSuffix = OperatingSystem.IsWindows() ? ".exe" : string.Empty;

    /// <summary>
    /// Returns the directory that holds <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>, searching PATH and then
    /// <see cref="DefaultLocations"/>. Runs on every call (cheap: a few file checks).
    /// </summary>
    /// <exception cref="InvalidOperationException">No such directory exists; the message says how to install
    /// PostgreSQL or how to use an existing server instead.</exception>
    public static string FindDirectory()
        => FindDirectory(Environment.GetEnvironmentVariable("PATH"), DefaultLocations());

    /// <summary>
    /// Returns the directory that holds the three tools, searching the directories of <paramref name="path"/> (a
    /// PATH-style list) and then <paramref name="fallbackDirectories"/> in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such directory exists.</exception>
    public static string FindDirectory(string? path, IEnumerable<string> fallbackDirectories)
    {
        var pathEntries = (path ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in pathEntries)
        {
            foreach (var candidate in CandidatesFromPathEntry(entry))
            {
                if (HasAllTools(candidate))
                {
                    return candidate;
                }
            }
        }

        foreach (var directory in fallbackDirectories)
        {
            if (HasAllTools(directory))
            {
                return Path.GetFullPath(directory);
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or in the usual install "
            + "locations (/usr/lib/postgresql/*/bin, /usr/local/pgsql/bin, /opt/homebrew/bin, /usr/pgsql-*/bin). "
            + "Install PostgreSQL (Debian/Ubuntu: `apt-get install postgresql`; Fedora/RHEL: "
            + "`dnf install postgresql-server`; macOS: `brew install postgresql`) or set `[database] host` in "
            + "config.ini to an existing PostgreSQL server instead of `local`.");
    }

    /// <summary>Full path of <paramref name="tool"/> (for example <c>pg_ctl</c>) inside <paramref name="directory"/>.</summary>
    public static string Tool(string directory, string tool) => Path.Combine(directory, tool + ExecutableSuffix);

    /// <summary>
    /// The usual install locations, in search order: <c>/usr/lib/postgresql/*/bin</c> (Debian/Ubuntu, highest version
    /// first), <c>/usr/local/pgsql/bin</c> (source builds), <c>/opt/homebrew/bin</c>, Homebrew's versioned
    /// <c>opt/postgresql@*/bin</c> and <c>/usr/pgsql-*/bin</c> (PGDG RPMs).
    /// </summary>
    public static IEnumerable<string> DefaultLocations()
    {
        foreach (var directory in Versioned("/usr/lib/postgresql", string.Empty, "bin"))
        {
            yield return directory;
        }

        yield return "/usr/local/pgsql/bin";
        yield return "/opt/homebrew/bin";
        foreach (var root in new[] { "/opt/homebrew/opt", "/usr/local/opt" })
        {
            foreach (var directory in Versioned(root, "postgresql@", "bin"))
            {
                yield return directory;
            }
        }

        foreach (var directory in Versioned("/usr", "pgsql-", "bin"))
        {
            yield return directory;
        }
    }

    // A PATH entry may hold symbolic links into the real install directory (and sometimes wrapper scripts), so the
    // directories that pg_ctl and postgres resolve to come first, then the entry itself.
    private static IEnumerable<string> CandidatesFromPathEntry(string entry)
    {
        foreach (var tool in new[] { "pg_ctl", "postgres" })
        {
            var resolved = ResolveFinalTarget(Tool(entry, tool));
            if (resolved is not null && Path.GetDirectoryName(resolved) is { Length: > 0 } directory)
            {
                yield return directory;
            }
        }

        yield return entry;
    }

    private static string? ResolveFinalTarget(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var target = File.ResolveLinkTarget(file, returnFinalTarget: true);
            return target is null ? Path.GetFullPath(file) : Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool HasAllTools(string directory)
    {
        try
        {
            return Path.IsPathRooted(directory) && RequiredTools.All(tool => File.Exists(Tool(directory, tool)));
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    // <root>/<prefix><version>/<leaf> directories whose version starts with a number, highest version first.
    private static IEnumerable<string> Versioned(string root, string prefix, string leaf)
    {
        string[] directories;
        try
        {
            directories = Directory.Exists(root) ? Directory.GetDirectories(root, prefix + "*") : [];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }

        return directories
            .Select(directory => (directory, version: ParseVersion(Path.GetFileName(directory)[prefix.Length..])))
            .Where(item => item.version is not null)
            .OrderByDescending(item => item.version)
            .Select(item => Path.Combine(item.directory, leaf));
    }

    private static Version? ParseVersion(string text)
    {
        var parts = text.Split('.');
        if (parts.Length > 4 || parts.Any(part => part.Length == 0 || !part.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return Version.TryParse(parts.Length == 1 ? text + ".0" : text, out var version) ? version : null;
    }
}
