using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Testing;

/// <summary>
/// A Fwk project running in the test's process on ASP.NET Core's test server: its own <c>Program</c>, config.ini and
/// active apps, on databases of its own cloned from the project's template (one per bind), so tests may run in parallel
/// and never see each other's rows. Dispose it at the end of the test: the app stops (shutdown hooks run) and its
/// databases are dropped.
/// <code>
/// await using var app = await FwkTestApp.StartAsync&lt;Program&gt;(database);
/// var user = await (await app.Client.PostAsJsonAsync("/users", new { name = "Ada", email = "ada@example.com" })).ReadSuccessAsync&lt;User&gt;();
/// </code>
/// </summary>
public sealed partial class FwkTestApp : IAsyncDisposable
{
    private readonly ProjectEntryPoint _project;
    private readonly TestSettings _settings;
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TestPostgres _server;
    private readonly StringWriter _output = new();
    private FwkApplication? _app;
    private Task<int>? _running;
    private HttpClient? _client;

    private FwkTestApp(ProjectEntryPoint project, TestPostgres server, TestSettings settings, IReadOnlyDictionary<string, string> databases)
    {
        _project = project;
        _server = server;
        _settings = settings;
        Databases = databases;
    }

    /// <summary>A client of the app (no redirects followed; base address <c>http://localhost/</c>).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The app is not started.")).ServiceProvider;

    /// <summary>This app's database of each bind (<c>default</c>, and the NAME of each <c>[database.NAME]</c>), dropped when it is disposed.</summary>
    public IReadOnlyDictionary<string, string> Databases { get; }

    /// <summary>
    /// The project's jobs (it calls <c>app.UseJobs()</c>): <c>await app.Jobs.DrainAsync()</c> runs everything enqueued so
    /// far, one job after another, and returns what ran. A test app's own workers are off (<c>[jobs] enabled = false</c>)
    /// unless the test sets it, so nothing runs behind the test's back.
    /// </summary>
    public Fwk.Jobs.JobRunner Jobs => Services.GetService<Fwk.Jobs.JobRunner>()
        ?? throw new InvalidOperationException("The project has no background jobs: call app.UseJobs() in its Program.cs.");

    /// <summary>Every hook handler that ran, for which event, in order.</summary>
    public HookLog Hooks { get; } = new();

    /// <summary>What the app wrote to its output and error writers (startup failures, for one).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the project of <typeparamref name="TProgram"/> (its <c>Program</c>) on <paramref name="database"/>'s server:
    /// builds the project's template databases if this run has not yet, clones them for this app, then runs Program until
    /// it serves. <paramref name="configure"/> sets config.ini keys or services for this app only.
    /// </summary>
    public static async Task<FwkTestApp> StartAsync<TProgram>(FwkTestDatabase database, Action<FwkTestAppOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var options = new FwkTestAppOptions();
        configure?.Invoke(options);
        var project = ProjectEntryPoint.For(typeof(TProgram));
        var server = await TestPostgres.GetAsync();
        var template = await TemplateBuilder.GetAsync(project, server, options.Settings);

        var databases = await ClonePool.Of(server, template).TakeAsync();
        var settings = new TestSettings().Set("jobs", "enabled", "false");
        foreach (var (bind, section, _) in template.Binds)
        {
            settings.Database(section, server, databases[bind]);
        }

        var app = new FwkTestApp(project, server, settings.With(options.Settings), databases);
        try
        {
            await app.StartAsync(options);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another client of the app (its own cookies and headers).</summary>
    public HttpClient CreateClient() => ((TestServer)Services.GetRequiredService<IServer>()).CreateClient();

    /// <summary>Stops the app (in-flight requests finish, shutdown hooks run once) and drops its databases.</summary>
    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _stop.TrySetResult();
        try
        {
            if (_running is not null)
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            // On the throwaway cluster the drops overlap the next test; an existing server has them done before this returns.
            var drops = Task.WhenAll(Databases.Values.Select(_server.DropAsync));
            if (!_server.IsThrowaway)
            {
                await drops;
            }
        }
    }

    private async Task StartAsync(FwkTestAppOptions options)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running = _project.RunAsync(new HostOverrides
        {
            Args = [],
            Options = Options(),
            Configure = app =>
            {
                app.WebHost.UseTestServer();
                // First of the startup filters, so the limit sits under everything that reads the body, as Kestrel's does.
                app.Services.Insert(0, ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(sp => new BodySizeLimit(sp.GetRequiredService<FwkSettings>().MaxBodySize)));
                app.HookRecorder = Hooks.Add;
                foreach (var configureServices in options.Services)
                {
                    configureServices(app.Services);
                }
            },
            Run = async app =>
            {
                await using (app)
                {
                    await app.StartAsync();
                    _app = app;
                    started.TrySetResult();
                    await _stop.Task;
                    await app.StopAsync();
                    return 0;
                }
            },
        });

        if (await Task.WhenAny(started.Task, _running) != started.Task)
        {
            var exitCode = await _running; // a startup failure throws here, with Program's own exception
            throw new InvalidOperationException($"{_project.Assembly.GetName().Name} exited with {exitCode} before it served:\n{Output}");
        }

        _client = CreateClient();
    }

    private FwkOptions Options() => new()
    {
        ProjectDirectory = _project.Directory,
        EnvironmentVariables = ProjectEntryPoint.Variables(_settings.Variables),
        Output = TextWriter.Synchronized(_output),
        Error = TextWriter.Synchronized(_output),
        Input = TextReader.Null,
        ProjectAssembly = _project.Assembly,
    };
}
