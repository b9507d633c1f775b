using System.Globalization;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// One database of the project: <c>[database]</c> (the <c>default</c> bind) or <c>[database.NAME]</c> (bind NAME), with the
/// same keys. <c>host = local</c> (default) means the PostgreSQL cluster Fwk manages under the project's <c>.fwk/</c>
/// directory. The password is only ever put into connection strings, never into messages.
/// </summary>
internal sealed record BindSettings
{
    /// <summary>The <c>host</c> value that selects the managed local cluster.</summary>
    public const string LocalHost = "local";

    /// <summary>The keys of <c>[database]</c> and <c>[database.NAME]</c>, declared in <see cref="FwkApplication.Settings"/>.</summary>
    public static readonly string[] Keys =
    [
        "host", "port", "name", "username", "password", "pool_size", "command_timeout", "auto_prepare", "reset_on_close",
        "retry_on_failure", "migrate_on_startup", "idempotency_expiry", "max_page_size", "replicas",
    ];

    /// <summary>The bind's name: <c>default</c> for <c>[database]</c>, else the NAME of <c>[database.NAME]</c>.</summary>
    public required string Bind { get; init; }

    /// <summary>The config.ini section this bind is read from.</summary>
    public string Section => SectionOf(Bind);

    /// <summary>A host, a socket directory, <c>local</c>, or several hosts (<c>a,b:5433</c>, Npgsql's multi-host form).</summary>
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string Name { get; init; }

    public required string Username { get; init; }

    public required string? Password { get; init; }

    public required int PoolSize { get; init; }

    public required int CommandTimeoutSeconds { get; init; }

    /// <summary>
    /// <c>auto_prepare</c>: how many statements Npgsql prepares on each connection once they repeat (its <c>Max Auto
    /// Prepare</c>), so PostgreSQL parses and plans a handler's queries once. Default 20; 0 turns it off (e.g. behind a
    /// pooler in transaction mode).
    /// </summary>
    public required int AutoPrepare { get; init; }

    /// <summary>
    /// <c>reset_on_close</c>: whether a connection going back to the pool also has its session state reset (settings made
    /// with <c>SET</c>, <c>LISTEN</c>, session advisory locks, temporary tables), as Npgsql does by default. Default false,
    /// as SQLAlchemy's pool does: the reset runs with every connection's next command and costs the server more than a short
    /// query. An open transaction is rolled back either way.
    /// </summary>
    public required bool ResetOnClose { get; init; }

    public required bool RetryOnFailure { get; init; }

    /// <summary><c>migrate_on_startup</c>: apply pending migrations under the migration lock before serving. Default false.</summary>
    public required bool MigrateOnStartup { get; init; }

    /// <summary><c>idempotency_expiry</c>: how long a stored <c>Idempotency-Key</c> response is played again. Default 24 hours.</summary>
    public required TimeSpan IdempotencyExpiry { get; init; }

    /// <summary><c>max_page_size</c>: the most rows <see cref="ReadSession.PageAsync{T}"/> returns. Default 100.</summary>
    public int MaxPageSize { get; init; } = ReadSession.DefaultMaxPageSize;

    /// <summary><c>replicas</c>: standby servers (<c>host:port</c>, comma separated) that read sessions prefer.</summary>
    public required IReadOnlyList<string> Replicas { get; init; }

    public bool IsLocal => Host.Equals(LocalHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>The section of <paramref name="bind"/>: <c>database</c> or <c>database.NAME</c>.</summary>
    public static string SectionOf(string bind) => bind == ModelRegistry.DefaultBind ? "database" : "database." + bind;

    /// <summary>The binds config.ini declares: <c>default</c> first, then every <c>[database.NAME]</c> by name.</summary>
    public static IReadOnlyList<string> DeclaredBinds(ConfigReader config) =>
        [ModelRegistry.DefaultBind, .. config.Configuration.GetChildren()
            .Where(section => section.Key.StartsWith("database.", StringComparison.OrdinalIgnoreCase) && section.Key.Length > "database.".Length)
            .Select(section => section.Key["database.".Length..].ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads and validates the bind's section; errors name the key and where it was set.</summary>
    public static BindSettings Read(ConfigReader config, string bind)
    {
        var section = SectionOf(bind);
        var port = config.Int(section, "port", 5432, min: 1, max: 65535);
        var replicas = config.List(section, "replicas");
        foreach (var replica in replicas)
        {
            if (!IsHostAndPort(replica))
            {
                throw config.Invalid(section, "replicas", $"'{replica}' is not host or host:port");
            }
        }

        return new BindSettings
        {
            Bind = bind,
            Host = config.String(section, "host", LocalHost)!,
            Port = port,
            Name = config.Required(section, "name"),
            Username = config.String(section, "username", "postgres")!,
            Password = config.String(section, "password"),
            PoolSize = config.Int(section, "pool_size", 100, min: 1, max: 10_000),
            CommandTimeoutSeconds = config.Int(section, "command_timeout", 30, min: 1, max: 3600),
            AutoPrepare = config.Int(section, "auto_prepare", 20, min: 0, max: 256),
            ResetOnClose = config.Bool(section, "reset_on_close", fallback: false),
            RetryOnFailure = config.Bool(section, "retry_on_failure", fallback: true),
            MigrateOnStartup = config.Bool(section, "migrate_on_startup", fallback: false),
            IdempotencyExpiry = config.Seconds(section, "idempotency_expiry") ?? TimeSpan.FromHours(24),
            MaxPageSize = config.Int(section, "max_page_size", ReadSession.DefaultMaxPageSize, min: 1, max: 100_000),
            Replicas = replicas,
        };
    }

    /// <summary>Names the server and database for messages: host, port, database and user, never the password.</summary>
    public string Describe(string host, int port) => $"host {host}, port {port}, database '{Name}', user '{Username}'";

    /// <summary>The connection string to <paramref name="database"/> on <paramref name="host"/> (one or several, comma separated).</summary>
    public string ConnectionString(string host, int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = host,
        Port = port,
        Database = database,
        Username = Username,
        Password = IsLocal ? null : Password,
        MaxPoolSize = PoolSize,
        CommandTimeout = CommandTimeoutSeconds,
        MaxAutoPrepare = AutoPrepare,
        NoResetOnClose = !ResetOnClose,
        ApplicationName = "fwk",
    }.ConnectionString;

    private static bool IsHostAndPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon < 0
            ? value.Length > 0
            : colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;
    }
}
