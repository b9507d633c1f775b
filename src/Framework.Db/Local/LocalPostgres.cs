using System.Globalization;
using Npgsql;

namespace Fwk.Db.Local;

/// <summary>
/// One PostgreSQL cluster managed by the framework in a given directory (<c>[database] host = local</c>, and the
/// throwaway cluster of the test suites), created and run with the machine's binaries (see
/// <see cref="PostgresBinaries"/>). The server listens only on a Unix socket (no TCP listener, so no port clash);
/// clients connect with <c>Host=&lt;SocketDirectory&gt;;Port=&lt;Port&gt;;Username=postgres</c>, trust authentication.
/// When the process runs as root, the server runs as the <c>postgres</c> (else <c>nobody</c>) user, see
/// <see cref="ServerAccount"/>.
/// </summary>
internal sealed partial class LocalPostgres
{
    /// <summary>The default port: the number in the socket file name <c>.s.PGSQL.5432</c>.</summary>
    public const int DefaultPort = 5432;

    // sizeof(sockaddr_un.sun_path) - 1: PostgreSQL rejects longer socket paths.
    private const int MaxSocketPathBytes = 107;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> StartGates = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _serverSettings;
    private ServerAccount? _account;

    /// <summary>
    /// Describes the cluster in <paramref name="clusterDirectory"/> (made absolute); nothing is created until
    /// <see cref="StartAsync"/>. The data directory is <c>data</c> inside it, the server log <c>server.log</c>, and the
    /// socket lives in the directory itself unless that path is too long for a socket, in which case a short private
    /// directory <c>/tmp/fwk-pg-&lt;hash of the path&gt;</c> is used.
    /// </summary>
    /// <param name="clusterDirectory">The cluster's directory, e.g. the project's <c>.fwk/postgres</c>.</param>
    /// <param name="port">The socket's port number; <see cref="DefaultPort"/> (5432) by default.</param>
    /// <param name="serverSettings">Server settings passed as <c>-c name=value</c> (test clusters trade durability for speed); none by default.</param>
    public LocalPostgres(string clusterDirectory, int port = DefaultPort, IReadOnlyDictionary<string, string>? serverSettings = null)
    {
        _serverSettings = serverSettings ?? new Dictionary<string, string>();
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ClusterDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(clusterDirectory));
        if (ClusterDirectory.IndexOfAny(['"', '$', '`', '\\', '\n', '\r']) >= 0)
        {
            // pg_ctl hands the data directory and log file to /bin/sh inside double quotes.
            throw new ArgumentException(
                $"The PostgreSQL cluster directory must not contain \", $, ` or \\: {ClusterDirectory}", nameof(clusterDirectory));
        }

        Port = port;
        DataDirectory = Path.Combine(ClusterDirectory, "data");
        LogFile = Path.Combine(ClusterDirectory, "server.log");
        SocketDirectory = ChooseSocketDirectory(ClusterDirectory, port);
    }

    /// <summary>The directory that holds the whole cluster (absolute).</summary>
    public string ClusterDirectory { get; }

    /// <summary>The data directory created by <c>initdb</c>: <c>&lt;ClusterDirectory&gt;/data</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>The server log: <c>&lt;ClusterDirectory&gt;/server.log</c>.</summary>
    public string LogFile { get; }

    /// <summary>The directory of the Unix socket, used as the Npgsql <c>Host</c>.</summary>
    public string SocketDirectory { get; }

    /// <summary>The socket's port number (5432 unless given to the constructor).</summary>
    public int Port { get; }

    /// <summary>
    /// True when no server runs on the cluster: it has no <c>postmaster.pid</c> (never started, or stopped by <c>pg_ctl stop</c>).
    /// A file check, cheap enough for every failed request; a server that crashed leaves the file and counts as running.
    /// </summary>
    public bool IsDown => !File.Exists(Path.Combine(DataDirectory, "postmaster.pid"));

    /// <summary>The superuser created by <c>initdb</c>: <c>postgres</c>, with trust authentication.</summary>
    public string Username { get; } = "postgres";

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this cluster (Npgsql's default pooling).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = Username,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Reports whether the cluster exists and whether its server runs (<c>pg_ctl status</c>, only when a
    /// <c>postmaster.pid</c> exists). Never starts anything.
    /// </summary>
    public async Task<LocalPostgresStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return Status(LocalPostgresState.NotInitialised);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return Status(LocalPostgresState.Stopped);
        }

        // The usual case, a server that already runs: one connection says so without spawning pg_ctl (through runuser
        // when root), which costs a few hundred milliseconds of every app start and verb.
        if (await AnswersAsync(cancellationToken))
        {
            return Status(LocalPostgresState.Running);
        }

        var result = await RunToolAsync("pg_ctl", ["status", "-D", DataDirectory], cancellationToken);
        return result.ExitCode switch
        {
            0 => Status(LocalPostgresState.Running),
            3 => Status(LocalPostgresState.Stopped),
            _ => throw result.ToException("Checking the local PostgreSQL server"),
        };
    }

    /// <summary>
    /// Starts the server and waits until it accepts connections. Creates the directories and runs <c>initdb</c>
    /// (<c>-U postgres --auth=trust -E UTF8 --locale=C</c>) first when the cluster does not exist yet. A no-op when the
    /// server already runs.
    /// </summary>
    /// <exception cref="InvalidOperationException">A tool is missing or failed; the message holds the command, its
    /// exit code and the tail of its output and of the server log.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The managed local PostgreSQL cluster needs a Unix system.");
        }

        // Several binds may live on one cluster and start side by side: one start (and initdb) at a time per directory.
        var gate = StartGates.GetOrAdd(ClusterDirectory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await StartUnsynchronisedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private async Task StartUnsynchronisedAsync(CancellationToken cancellationToken)
    {
        var status = await StatusAsync(cancellationToken);
        if (status.State == LocalPostgresState.Running)
        {
            return;
        }

        await PrepareDirectoriesAsync(cancellationToken);
        if (status.State == LocalPostgresState.NotInitialised)
        {
            string[] initdb = ["-D", DataDirectory, "-U", Username, "--auth=trust", "-E", "UTF8", "--locale=C"];
            var init = await RunToolAsync("initdb", initdb, cancellationToken);
            if (!init.Succeeded)
            {
                throw init.ToException("Creating the local PostgreSQL cluster");
            }
        }

        var socket = SocketDirectory.Contains(',', StringComparison.Ordinal) ? $"\"{SocketDirectory}\"" : SocketDirectory;
        var options = $"-k {ShellQuote(socket)} -c listen_addresses='' -p {Port.ToString(CultureInfo.InvariantCulture)}"
            + string.Concat(_serverSettings.Select(setting => $" -c {ShellQuote($"{setting.Key}={setting.Value}")}"));
        string[] start = ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", options];
        var started = await RunToolAsync("pg_ctl", start, cancellationToken);
        if (!started.Succeeded && (await StatusAsync(cancellationToken)).State != LocalPostgresState.Running)
        {
            throw started.ToException("Starting the local PostgreSQL server", LogTail());
        }

        await WaitUntilAcceptingConnectionsAsync(cancellationToken);
    }

    /// <summary>
    /// Creates this cluster as a streaming standby of <paramref name="primary"/> (<c>pg_basebackup -R</c>: a copy of the
    /// primary's data that follows it), then starts it. The primary must run; this cluster must not exist yet.
    /// </summary>
    public async Task StartAsStandbyOfAsync(LocalPostgres primary, CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The managed local PostgreSQL cluster needs a Unix system.");
        }

        if ((await StatusAsync(cancellationToken)).State != LocalPostgresState.NotInitialised)
        {
            throw new InvalidOperationException($"A cluster already exists in {ClusterDirectory}.");
        }

        await PrepareDirectoriesAsync(cancellationToken);
        string[] backup = ["-D", DataDirectory, "-h", primary.SocketDirectory, "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", Username, "-R", "-X", "stream", "-c", "fast"];
        var copied = await RunToolAsync("pg_basebackup", backup, cancellationToken);
        if (!copied.Succeeded)
        {
            throw copied.ToException("Copying the primary for a standby");
        }

        await StartAsync(cancellationToken);
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast -w</c>: open sessions are ended). A no-op when it does not run.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if ((await StatusAsync(cancellationToken)).State != LocalPostgresState.Running)
        {
            return;
        }

        var result = await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], cancellationToken);
        if (!result.Succeeded && (await StatusAsync(cancellationToken)).State == LocalPostgresState.Running)
        {
            throw result.ToException("Stopping the local PostgreSQL server", LogTail());
        }
    }

    /// <summary>Stops the server and deletes the cluster directory (and the /tmp socket directory, if one was used).</summary>
    public async Task DestroyAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        DeleteDirectories();
    }

    private void DeleteDirectories()
    {
        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory, recursive: true);
        }

        if (SocketDirectory != ClusterDirectory && Directory.Exists(SocketDirectory))
        {
            Directory.Delete(SocketDirectory, recursive: true);
        }
    }
}
