namespace Fwk.Db.Local;

/// <summary>
/// The operating-system account that runs <c>initdb</c>, <c>pg_ctl</c> and the server. PostgreSQL refuses to run as
/// root, so a privileged process (euid 0) uses the <c>postgres</c> system user when it exists, else <c>nobody</c>,
/// through <c>runuser</c> (or <c>setpriv</c>); any other process runs the tools as itself.
/// </summary>
internal sealed class ServerAccount
{
    private static readonly string[] CandidateUsers = ["postgres", "nobody"];

    private ServerAccount(string? userName, string? userId, string? groupId)
    {
        UserName = userName;
        UserId = userId;
        GroupId = groupId;
    }

    /// <summary>The account the tools run as; <see langword="null"/> when they run as the current user.</summary>
    public string? UserName { get; }

    /// <summary>Numeric uid of <see cref="UserName"/>, or <see langword="null"/> for the current user.</summary>
    public string? UserId { get; }

    /// <summary>Numeric primary gid of <see cref="UserName"/>, or <see langword="null"/> for the current user.</summary>
    public string? GroupId { get; }

    /// <summary>True when the tools run as another (unprivileged) account because this process is root.</summary>
    public bool SwitchesUser => UserName is not null;

    /// <summary>True when this process runs as root (euid 0) on a Unix system.</summary>
    public static bool IsRoot
        => !OperatingSystem.IsWindows() && (Environment.IsPrivilegedProcess || Environment.UserName == "root");

    /// <summary>
    /// Picks the account: the current user, or when <see cref="IsRoot"/> the first of <c>postgres</c>, <c>nobody</c>
    /// that exists (looked up with <c>id</c>).
    /// </summary>
    public static async Task<ServerAccount> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return new ServerAccount(null, null, null);
        }

        foreach (var user in CandidateUsers)
        {
            var uid = await ProcessRunner.RunAsync("id", ["-u", user], null, cancellationToken);
            var gid = await ProcessRunner.RunAsync("id", ["-g", user], null, cancellationToken);
            if (uid.Succeeded && gid.Succeeded)
            {
                return new ServerAccount(user, uid.StandardOutput.Trim(), gid.StandardOutput.Trim());
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL refuses to run as root and neither a `postgres` nor a `nobody` user exists on this machine. "
            + "Create one (e.g. `useradd --system postgres`) or run as an unprivileged user.");
    }

    /// <summary>Runs <paramref name="tool"/> as this account (through <c>runuser</c>/<c>setpriv</c> when switching user).</summary>
    public Task<ProcessResult> RunAsync(
        string tool, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        if (!SwitchesUser)
        {
            return ProcessRunner.RunAsync(tool, arguments, workingDirectory, cancellationToken);
        }

        if (FindOnPath("runuser") is { } runuser)
        {
            return ProcessRunner.RunAsync(runuser, ["-u", UserName!, "--", tool, .. arguments], workingDirectory, cancellationToken);
        }

        if (FindOnPath("setpriv") is { } setpriv)
        {
            string[] prefix = [$"--reuid={UserId}", $"--regid={GroupId}", "--init-groups", "--", tool];
            return ProcessRunner.RunAsync(setpriv, [.. prefix, .. arguments], workingDirectory, cancellationToken);
        }

        throw new InvalidOperationException(
            $"PostgreSQL refuses to run as root and neither `runuser` nor `setpriv` was found to run it as `{UserName}`. "
            + "Install util-linux or run as an unprivileged user.");
    }

    /// <summary>
    /// Makes <paramref name="directory"/> (which must exist) usable by this account: when switching user, hands it
    /// over (chown, non-recursive, plus <paramref name="ownedFiles"/> that exist) and makes every parent directory
    /// traversable (adds o+x only to those that lack it). Does nothing when running as the current user.
    /// </summary>
    public async Task GrantAsync(string directory, IEnumerable<string> ownedFiles, CancellationToken cancellationToken)
    {
        if (!SwitchesUser || OperatingSystem.IsWindows())
        {
            return;
        }

        string[] paths = [directory, .. ownedFiles.Where(File.Exists)];
        var chown = await ProcessRunner.RunAsync("chown", [$"{UserId}:{GroupId}", .. paths], null, cancellationToken);
        if (!chown.Succeeded)
        {
            throw chown.ToException($"Handing {directory} over to the `{UserName}` user");
        }

        for (var parent = Path.GetDirectoryName(directory); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string[] fallback = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(fallback)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
