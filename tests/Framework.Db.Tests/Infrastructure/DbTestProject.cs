using System.Collections;
using System.Reflection;
using Fwk.Db.Tests.Infrastructure.Apps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fwk.Db.Tests.Infrastructure;

/// <summary>
/// A throwaway Fwk project on the fixture's cluster: a temp directory whose config.ini listens on 127.0.0.1 (port 0) and
/// points <c>[database]</c> at the cluster's socket. Each verb run (<see cref="RunAsync"/>) and the served app
/// (<see cref="StartAsync"/>) is a new <see cref="FwkApplication"/> with the same apps, <c>UseDatabase()</c>, shared
/// <see cref="Output"/>/<see cref="Error"/> writers and a recording logger. Disposing stops the server and deletes the directory.
/// </summary>
internal sealed class DbTestProject : IAsyncDisposable
{
    private readonly List<Action<FwkApplication>> _setup = [];
    private readonly List<Action<FwkApplication>> _apps = [];
    private readonly IDictionary _variables;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _syncOutput;
    private readonly TextWriter _syncError;
    private FwkApplication? _served;
    private string? _input;
    private Assembly? _projectAssembly;
    private HttpClient? _client;

    /// <param name="fixture">The cluster.</param>
    /// <param name="database">The <c>[database] name</c>.</param>
    /// <param name="databaseLines">More lines of <c>[database]</c> (e.g. <c>password = …</c>).</param>
    /// <param name="host">The <c>host</c>; the cluster's socket directory by default.</param>
    /// <param name="port">The <c>port</c>; the cluster's port by default.</param>
    /// <param name="username">The <c>username</c>.</param>
    /// <param name="logLevel">The <c>[logging] level</c>.</param>
    /// <param name="variables">The environment variables the project sees (none by default).</param>
    /// <param name="sections">More sections of config.ini, such as another bind's <c>[database.NAME]</c>.</param>
    public DbTestProject(
        PostgresFixture fixture,
        string database,
        string databaseLines = "",
        string? host = null,
        int? port = null,
        string username = "postgres",
        string logLevel = "Information",
        IDictionary? variables = null,
        string sections = "")
    {
        Fixture = fixture;
        Database = database;
        _variables = variables ?? new Hashtable();
        _syncOutput = TextWriter.Synchronized(_output);
        _syncError = TextWriter.Synchronized(_error);
        Directory = Path.Combine(Path.GetTempPath(), "fwk-db-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "config.ini"), $"""
            [networking]
            urls = http://127.0.0.1:0

            [database]
            host = {host ?? fixture.Cluster.SocketDirectory}
            port = {port ?? fixture.Cluster.Port}
            name = {database}
            username = {username}
            {databaseLines}

            {sections}

            [logging]
            level = {logLevel}

            """);
    }

    public PostgresFixture Fixture { get; }

    public string Database { get; }

    public string Directory { get; }

    /// <summary>Shared by every application instance of the project (apps record into it through DI).</summary>
    public Journal Journal { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    public string Output => Locked(_syncOutput, _output);

    public string Error => Locked(_syncError, _error);

    /// <summary>Everything the project wrote: output, errors and every log line.</summary>
    public string Everything => string.Join('\n', [Output, Error, .. Logs.Lines]);

    /// <summary>The served application.</summary>
    public FwkApplication App => _served ?? throw new InvalidOperationException("Start the project first.");

    /// <summary>A client for the served application (base address from <see cref="FwkApplication.Urls"/>).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("Start the project first.");

    public DbTestProject Add<TApp>()
        where TApp : IApp, new()
    {
        _apps.Add(app => app.AddApp<TApp>());
        return this;
    }

    /// <summary>From now on the project runs <typeparamref name="TApp"/> alone, as after an edit of its code.</summary>
    public DbTestProject Use<TApp>()
        where TApp : IApp, new()
    {
        _apps.Clear();
        return Add<TApp>();
    }

    /// <summary>Answers the verbs' questions (e.g. drop_db's confirmation) with <paramref name="input"/>, as a user at a terminal would.</summary>
    public DbTestProject Answer(string input)
    {
        _input = input;
        return this;
    }

    /// <summary>The project's assembly, where its migrations are found (see <see cref="MigrationCompiler"/>); none by default.</summary>
    public DbTestProject UseProjectAssembly(Assembly assembly)
    {
        _projectAssembly = assembly;
        return this;
    }

    /// <summary>Runs on every application instance before <c>UseDatabase()</c>.</summary>
    public DbTestProject Configure(Action<FwkApplication> setup)
    {
        _setup.Add(setup);
        return this;
    }

    /// <summary>Runs the command line (a verb and its options) in a new application instance; returns the exit code.</summary>
    public async Task<int> RunAsync(params string[] args)
    {
        var app = Create(args);
        try
        {
            return await app.RunAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs the app with no verb (serve) where startup is expected to fail, and returns the exit code. Should it start
    /// serving instead, it is stopped after <paramref name="limit"/> and the test fails.
    /// </summary>
    public async Task<int> ServeExpectingFailureAsync(TimeSpan limit)
    {
        var app = Create([]);
        try
        {
            var run = app.RunAsync();
            if (await Task.WhenAny(run, Task.Delay(limit)) != run)
            {
                await app.StopAsync();
                await run.WaitAsync(limit);
                Assert.Fail($"The app served instead of failing at startup:\n{Everything}");
            }

            return await run;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Runs create_db, then starts serving; disposes the project when either fails.</summary>
    public async Task<DbTestProject> CreateDbAndStartAsync()
    {
        try
        {
            Assert.Equal(0, await RunAsync("create_db"));
            return await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts serving (startup hooks, then Kestrel on a free loopback port).</summary>
    public async Task<DbTestProject> StartAsync()
    {
        _served = Create([]);
        await _served.StartAsync();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = new Uri(_served.Urls[0]),
            Timeout = TimeSpan.FromSeconds(30),
        };
        return this;
    }

    /// <summary>Creates an application instance (for tests that drive <see cref="FwkApplication.StartAsync"/> themselves); the caller disposes it.</summary>
    public FwkApplication Create(string[] args)
    {
        var app = FwkApplication.Create(args, new FwkOptions
        {
            ProjectDirectory = Directory,
            EnvironmentVariables = _variables,
            Input = _input is null ? null : new StringReader(_input),
            ProjectAssembly = _projectAssembly ?? typeof(DbTestProject).Assembly,
            Output = _syncOutput,
            Error = _syncError,
        });
        app.Services.RemoveAll<ILoggerProvider>();
        app.Services.AddLogging(logging => logging.AddProvider(Logs));
        app.Services.AddSingleton(Journal);
        foreach (var setup in _apps.Concat(_setup))
        {
            setup(app);
        }

        app.UseDatabase();
        return app;
    }

    /// <summary>Runs <paramref name="sql"/> on the project's database (unpooled, so dropping the database never breaks it).</summary>
    public Task<T> ScalarAsync<T>(string sql) => ScalarAsync<T>(Fixture, Database, sql);

    /// <summary>
    /// The tables of the public schema of the project's database (or of <paramref name="database"/>), sorted, but the
    /// framework's own (<c>fwk_…</c>, in the default bind of every project) unless <paramref name="framework"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> TablesAsync(string? database = null, bool framework = false)
    {
        var tables = await ScalarAsync<string[]?>(
            Fixture,
            database ?? Database,
            "select array_agg(table_name::text order by table_name) from information_schema.tables where table_schema = 'public'");
        return [.. (tables ?? []).Where(table => framework || !table.StartsWith("fwk_", StringComparison.Ordinal))];
    }

    public static async Task<T> ScalarAsync<T>(PostgresFixture fixture, string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.ConnectionString(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }

    /// <summary>Whether the cluster has a database named exactly <paramref name="name"/>.</summary>
    public static async Task<bool> DatabaseExistsAsync(PostgresFixture fixture, string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_served is not null)
        {
            await _served.StopAsync();
            await _served.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp directory is cleaned by the OS.
        }
    }

    // TextWriter.Synchronized locks the wrapper itself on every write.
    private static string Locked(TextWriter synchronizedWriter, StringWriter writer)
    {
        lock (synchronizedWriter)
        {
            return writer.ToString();
        }
    }
}
