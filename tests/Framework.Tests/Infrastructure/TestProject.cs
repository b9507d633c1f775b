using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Fwk.Tests.Infrastructure;

/// <summary>
/// A throwaway Fwk project: a temp directory with config.ini (listening on 127.0.0.1, port 0), the application
/// created from it, a <see cref="Recorder"/> in DI, and a real <see cref="HttpClient"/> once started.
/// Disposing stops the server and deletes the directory.
/// </summary>
internal sealed class TestProject : IAsyncDisposable
{
    private readonly string[] _args;
    private readonly string? _environmentName;
    private readonly IDictionary _variables;
    private FwkApplication? _app;
    private HttpClient? _client;
    private bool _started;

    /// <param name="networking">Extra lines of the <c>[networking]</c> section.</param>
    /// <param name="sections">More sections, written after <c>[networking]</c>.</param>
    /// <param name="args">The command line (a verb and its options).</param>
    /// <param name="environmentName">Selects config.&lt;name&gt;.ini.</param>
    /// <param name="variables">The environment variables the project sees (none by default).</param>
    public TestProject(string networking = "", string sections = "", string[]? args = null, string? environmentName = null, IDictionary? variables = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "fwk-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        WriteFile("config.ini", $"[networking]\nurls = http://127.0.0.1:0\n{networking}\n{sections}\n");
        _args = args ?? [];
        _environmentName = environmentName;
        _variables = variables ?? new Hashtable();
    }

    public string Directory { get; }

    /// <summary>Verb output and startup errors (thread-safe).</summary>
    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public Recorder Recorder { get; } = new();

    /// <summary>Created on first use, so files written before that are read.</summary>
    public FwkApplication App => _app ??= CreateApp();

    /// <summary>A client for the started server (base address from <see cref="FwkApplication.Urls"/>), no redirects followed.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("Start the project first.");

    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public TestProject Add<TApp>()
        where TApp : IApp, new()
    {
        App.AddApp<TApp>();
        return this;
    }

    public async Task<TestProject> StartAsync()
    {
        await App.StartAsync();
        _started = true;
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = new Uri(App.Urls[0]),
            Timeout = TimeSpan.FromSeconds(30),
        };
        return this;
    }

    /// <summary>Runs the command line given to the constructor and returns the exit code.</summary>
    public Task<int> RunAsync() => App.RunAsync();

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            if (_started)
            {
                await _app.StopAsync();
            }

            await _app.DisposeAsync();
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

    private FwkApplication CreateApp()
    {
        var app = FwkApplication.Create(_args, new FwkOptions
        {
            ProjectDirectory = Directory,
            EnvironmentName = _environmentName,
            EnvironmentVariables = _variables,
            Output = TextWriter.Synchronized(Output),
            Error = TextWriter.Synchronized(Error),
        });
        app.Services.RemoveAll<ILoggerProvider>();
        app.Services.AddSingleton<ILoggerProvider>(new RecordingLoggerProvider(Recorder));
        app.Services.AddSingleton(Recorder);
        return app;
    }
}
