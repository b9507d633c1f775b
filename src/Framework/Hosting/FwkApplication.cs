using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk;

/// <summary>
/// A Fwk project: loads config.ini, activates apps, and either serves or runs a verb.
/// <code>
/// var app = FwkApplication.Create(args);
/// app.UseDatabase();
/// return await app.RunAsync();
/// </code>
/// </summary>
public sealed partial class FwkApplication : IAsyncDisposable
{
    private readonly WebApplicationBuilder _builder;
    private readonly string[] _args;
    private readonly HookStore _hookStore = new();
    private readonly ErrorCatalog _errors = new();
    private readonly List<Type> _codeApps = [];
    private readonly List<Action<IApplicationBuilder>> _afterRouting = [];
    private readonly ConfigReader _config;
    private readonly ConfigurationException? _configurationError;
    private readonly FwkSettings? _settings;
    private readonly ConfigLocations _locations = new();
    private AppCatalog? _catalog;
    private WebApplication? _app;
    private bool _shutdownRan;
    private volatile bool _hostStarting;
    private bool _appDisposed;

    private readonly HostOverrides? _overrides;

    private FwkApplication(string[] args, FwkOptions options)
    {
        _overrides = HostOverrides.Current;
        options = _overrides?.Options ?? options;
        _args = _overrides?.Args ?? args;
        ProjectDirectory = Path.GetFullPath(options.ProjectDirectory ?? Directory.GetCurrentDirectory());
        ProjectAssembly = options.ProjectAssembly ?? Assembly.GetEntryAssembly();
        Input = options.Input ?? Console.In;
        IsInteractive = options.Input is not null || !Console.IsInputRedirected;
        Output = options.Output ?? Console.Out;
        Error = options.Error ?? Console.Error;
        var variables = options.EnvironmentVariables ?? Environment.GetEnvironmentVariables();
        var environment = options.EnvironmentName ?? variables["FWK_ENV"] as string;
        _builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = ProjectDirectory,
            EnvironmentName = string.IsNullOrWhiteSpace(environment) ? "Production" : environment,

            // Configuration is config.ini, read once: no file watchers on appsettings.json, which Fwk does not use.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        _config = new ConfigReader(_builder.Configuration, _locations);
        try
        {
            ConfigSources.Add(_builder.Configuration, ProjectDirectory, environment, variables, _locations);
            _settings = FwkSettings.Read(_config);
        }
        catch (ConfigurationException exception)
        {
            _configurationError = exception;
        }

        Hooks = new Hooks(_hookStore, "Program", isFramework: false);
        FrameworkHooks = new Hooks(_hookStore, "Fwk", isFramework: true);
        Verbs = new VerbRegistry(BindVerb);
        AddBuiltInVerbs();
    }

    /// <summary>The project directory (where config.ini is read from).</summary>
    public string ProjectDirectory { get; }

    /// <summary>Services to register before the host is built (apps may also use <see cref="IApp.ConfigureServices"/>).</summary>
    public IServiceCollection Services => _builder.Services;

    /// <summary>The merged configuration: config.ini, config.&lt;FWK_ENV&gt;.ini, then <c>FWK_SECTION__KEY</c> variables.</summary>
    public IConfiguration Configuration => _builder.Configuration;

    /// <summary>Hooks registered in code (owner "Program"); they run after framework-level hooks, like an app's.</summary>
    public Hooks Hooks { get; }

    /// <summary>The command-line verbs; add your own here.</summary>
    public VerbRegistry Verbs { get; }

    /// <summary>
    /// The config.ini sections and keys the framework and its packages read: a package declares its own section here
    /// (<c>app.Settings.Declare("jobs", "enabled", "workers")</c>) before the project runs. A key of a declared section
    /// that is not declared stops startup ("did you mean …?"); an undeclared section is a warning.
    /// </summary>
    public KnownSettings Settings { get; } = KnownSettings.Framework();

    /// <summary>The built application's services; available once <see cref="StartAsync"/> (or a verb) has built it.</summary>
    public IServiceProvider ServiceProvider => (_app ?? throw new InvalidOperationException("The application is not built yet.")).Services;

    /// <summary>The addresses the server listens on, once started (port 0 in config is replaced by the real port).</summary>
    public IReadOnlyList<string> Urls =>
        [.. ServiceProvider.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>Whether the command line asks to serve (no verb); helpers start serving-only work early when it does.</summary>
    internal bool Serves => _args.Length == 0;

    /// <summary>The project's own assembly: where its migrations are compiled and found.</summary>
    internal Assembly? ProjectAssembly { get; }

    /// <summary>The web host's builder, for hosts that replace the server (Fwk.Testing's test server).</summary>
    internal Microsoft.AspNetCore.Hosting.IWebHostBuilder WebHost => _builder.WebHost;

    /// <summary>Told about every hook handler that ran (event, owner, failure), when set before the application is built.</summary>
    internal Action<string, string, Exception?>? HookRecorder { get; set; }

    /// <summary>Hooks of the framework level (e.g. the database helper): first on the way in, last on the way out.</summary>
    internal Hooks FrameworkHooks { get; }

    /// <summary>
    /// Endpoint filters of the framework level (e.g. the database helper's), around the handler of each app route they
    /// apply to, inside the response hooks: they see the handler's result before success_response runs.
    /// </summary>
    internal List<IFrameworkEndpointFilter> FrameworkEndpointFilters { get; } = [];

    /// <summary>Typed access to the configuration, with errors that name file, line, section and key.</summary>
    internal ConfigReader Config => _configurationError is null ? _config : throw _configurationError;

    internal TextReader Input { get; }

    internal bool IsInteractive { get; }

    internal TextWriter Output { get; }

    internal TextWriter Error { get; }

    /// <summary>Creates the application from config.ini in the project directory (default: the current directory).</summary>
    public static FwkApplication Create(string[] args, FwkOptions? options = null) => new(args, options ?? new FwkOptions());

    /// <summary>Activates <typeparamref name="TApp"/> in code, in addition to <c>[apps] active</c>.</summary>
    public FwkApplication AddApp<TApp>()
        where TApp : IApp, new()
    {
        if (_catalog is not null)
        {
            throw new InvalidOperationException("Apps must be added before the application runs.");
        }

        _codeApps.Add(typeof(TApp));
        return this;
    }

    /// <summary>
    /// Adds middleware that runs after routing has chosen the endpoint and before it runs, inside Fwk's error envelopes
    /// (what the middleware answers or throws is written like any error): where ASP.NET Core's authentication and
    /// authorization go (Fwk.Accounts), or endpoint-aware rate limiting. Runs once, when the pipeline is built, in the
    /// order added; call it before the application runs.
    /// </summary>
    public FwkApplication UseAfterRouting(Action<IApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (_app is not null)
        {
            throw new InvalidOperationException("Middleware must be added before the application runs.");
        }

        _afterRouting.Add(configure);
        return this;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => DisposeAppAsync();

    // Once: serving disposes the app itself after its shutdown hooks, and its owner may dispose it again.
    private async ValueTask DisposeAppAsync()
    {
        if (_app is not null && !_appDisposed)
        {
            _appDisposed = true;
            await _app.DisposeAsync();
        }
    }
}
