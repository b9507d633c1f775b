using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fwk;

/// <content>Running: serving with startup and shutdown hooks, and the command-line verbs.</content>
public sealed partial class FwkApplication
{
    /// <summary>
    /// Serves until the process is asked to stop, or runs the verb named in the arguments. Returns the exit code:
    /// 0 ok, 1 failure (startup failures are printed, never thrown), 2 usage error.
    /// </summary>
    public Task<int> RunAsync() => _overrides?.Run is { } run ? run(this) : RunCommandLineAsync();

    /// <summary>Parses the command line and runs the verb it names (serving when none): what <see cref="RunAsync"/> does.</summary>
    internal async Task<int> RunCommandLineAsync()
    {
        var root = new RootCommand("A Fwk project. With no verb it serves; verbs manage the project.");
        root.SetAction(BindVerb(ServeAsync));
        AddAppVerbs();
        Verbs.AddTo(root);
        var parse = root.Parse(_args);
        var configuration = new InvocationConfiguration { Output = Output, Error = Error, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0)
        {
            if (UnknownVerb.Describe(parse, "dotnet run --") is { } unknown)
            {
                await Error.WriteLineAsync(unknown);
                return 2;
            }

            foreach (var error in parse.Errors)
            {
                await Error.WriteLineAsync(error.Message);
            }

            await root.Parse(["--help"]).InvokeAsync(configuration);
            return 2;
        }

        return await parse.InvokeAsync(configuration);
    }

    /// <summary>
    /// Builds the app, runs the startup hooks (framework level first, then apps in order) and starts the server.
    /// Nothing is accepted before every startup hook has succeeded; a failing hook throws with the owner named, and two
    /// routes with the same method and pattern throw naming both apps.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var app = Build();
        RouteTable.EnsureNoDuplicates(RouteTable.Read(app));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = new HookContext(Events.Startup, scope.ServiceProvider, null, null, cancellationToken);
            foreach (var handler in _hookStore.Get(Events.Startup))
            {
                try
                {
                    await handler.Invoke(context);
                }
                catch (Exception exception)
                {
                    throw new InvalidOperationException($"The startup hook of '{handler.Owner}' failed: {exception.Message}", exception);
                }
            }
        }

        // The host logs a failure to start (a port in use, …) with its stack; the caller gets the exception itself.
        _hostStarting = true;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        finally
        {
            _hostStarting = false;
        }
    }

    /// <summary>Stops the server (waiting for in-flight requests), then runs the shutdown hooks once: apps in reverse order, framework last.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is null)
        {
            return;
        }

        await _app.StopAsync(cancellationToken);
        await RunShutdownHooksAsync();
    }

    // Apps that cannot be resolved add no verbs; the verb that runs reports why when it builds the app.
    private void AddAppVerbs()
    {
        if (_settings is null)
        {
            return;
        }

        try
        {
            foreach (var app in ResolveApps(_settings).Apps)
            {
                app.Module.ConfigureVerbs(Verbs);
            }
        }
        catch (InvalidOperationException)
        {
            _catalog = null;
        }
    }

    private async Task<int> ServeAsync(VerbContext context)
    {
        try
        {
            await StartAsync();
        }
#pragma warning disable CA1031 // A failed start is reported as an exit code, never as an unhandled exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync($"Startup failed: {DescribeStartupFailure(exception)}");
            return 1;
        }

        await _app!.WaitForShutdownAsync();
        await RunShutdownHooksAsync();

        // The console logger writes on a queue of its own thread: disposing the services flushes what the shutdown hooks
        // logged before the process exits (Program returns right after this).
        await DisposeAppAsync();
        return 0;
    }

    // Kestrel's "Failed to bind to address http://127.0.0.1:8000: address already in use." names neither the setting nor
    // what to do.
    private string DescribeStartupFailure(Exception exception)
    {
        if (exception is IOException { InnerException: AddressInUseException } && exception.Message.IndexOf("address ", StringComparison.Ordinal) is >= 0 and var at)
        {
            var address = exception.Message[(at + "address ".Length)..].Split(": ", 2)[0];
            return $"[networking] urls: {address} is already in use by another process ({_locations.Describe("networking", "urls")}).";
        }

        return exception.Message;
    }

    private async Task RunShutdownHooksAsync()
    {
        if (_shutdownRan || _app is null)
        {
            return;
        }

        _shutdownRan = true;
        await using var scope = _app.Services.CreateAsyncScope();
        var logger = _app.Services.GetRequiredService<ILogger<FwkApplication>>();
        await HookStore.RunAllAsync(_hookStore.Get(Events.Shutdown), new HookContext(Events.Shutdown, scope.ServiceProvider, null, null, default), logger);
    }

    // Every verb builds the app first (so configuration and apps are exactly those that serve), then runs.
    private Func<ParseResult, CancellationToken, Task<int>> BindVerb(Func<VerbContext, Task<int>> run) => async (parse, cancellationToken) =>
    {
        try
        {
            return await run(new VerbContext(Build().Services, parse, Input, IsInteractive, Output, Error));
        }
#pragma warning disable CA1031 // A failed verb is reported as exit code 1 with its message, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await Error.WriteLineAsync($"Error: {exception.Message}");
            return 1;
        }
    };
}
