using Npgsql;

namespace Fwk.Db;

/// <summary>
/// The <c>[database]</c> section. <c>host = local</c> (default) means the PostgreSQL cluster Fwk manages under the
/// project's <c>.fwk/</c> directory. The password is only ever put into the connection string, never into messages.
/// </summary>
internal sealed record DatabaseSettings
{
    /// <summary>The <c>host</c> value that selects the managed local cluster.</summary>
    public const string LocalHost = "local";

    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string Name { get; init; }

    public required string Username { get; init; }

    public required string? Password { get; init; }

    public required int PoolSize { get; init; }

    public required int CommandTimeoutSeconds { get; init; }

    public required bool RetryOnFailure { get; init; }

    public bool IsLocal => Host.Equals(LocalHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and validates <c>[database]</c>; errors name the key and where it was set.</summary>
    public static DatabaseSettings Read(ConfigReader config) => new()
    {
        Host = config.String("database", "host", LocalHost)!,
        Port = config.Int("database", "port", 5432, min: 1, max: 65535),
        Name = config.Required("database", "name"),
        Username = config.String("database", "username", "postgres")!,
        Password = config.String("database", "password"),
        PoolSize = config.Int("database", "pool_size", 100, min: 1, max: 10_000),
        CommandTimeoutSeconds = config.Int("database", "command_timeout", 30, min: 1, max: 3600),
        RetryOnFailure = config.Bool("database", "retry_on_failure", fallback: true),
    };

    /// <summary>Names the server and database for messages: host, port and database, never the password.</summary>
    public string Describe(string host, int port) => $"host {host}, port {port}, database '{Name}', user '{Username}'";

    /// <summary>The connection string to <paramref name="database"/> on <paramref name="host"/>:<paramref name="port"/>.</summary>
    public string ConnectionString(string host, int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = host,
        Port = port,
        Database = database,
        Username = Username,
        Password = IsLocal ? null : Password,
        MaxPoolSize = PoolSize,
        CommandTimeout = CommandTimeoutSeconds,
        ApplicationName = "fwk",
    }.ConnectionString;
}
