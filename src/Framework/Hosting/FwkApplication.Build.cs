using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fwk;

/// <content>Building the host: services from config.ini, the apps, and the request pipeline.</content>
public sealed partial class FwkApplication
{
    /// <summary>
    /// Builds the host and configures every app, once. Nothing listens yet and no hook has run. The routes' request
    /// delegates are built when serving starts (or for the routes verb), not here: other verbs never need them.
    /// </summary>
    internal WebApplication Build()
    {
        if (_app is not null)
        {
            return _app;
        }

        var settings = _settings ?? throw _configurationError!;
        var catalog = ResolveApps(settings);
        foreach (var app in catalog.Apps)
        {
            app.Module.ConfigureServices(_builder.Services, _builder.Configuration);
        }

        AddFrameworkServices(settings, catalog);
        _overrides?.Configure?.Invoke(this);
        var webApp = _builder.Build();
        try
        {
            ConfigureApps(webApp, catalog);

            // After the apps, which declare their own sections (app.Settings) as they configure.
            SettingsCheck.ThrowOnUnknownKeys(Settings, _locations);
            var configurationLog = webApp.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fwk.Configuration");
            foreach (var warning in SettingsCheck.UnknownSections(Settings, _locations))
            {
                configurationLog.LogWarning("{Warning}", warning);
            }

            catalog.MarkConfigured();
            _hookStore.Freeze(HookRecorder);
            UsePipeline(webApp, settings);
        }
        catch
        {
            ((IDisposable)webApp).Dispose();
            throw;
        }
        _app = webApp;
        return webApp;
    }

    /// <summary>The active apps, resolved once (for verbs before parsing, or when building).</summary>
    private AppCatalog ResolveApps(FwkSettings settings) =>
        _catalog ??= AppCatalog.Resolve(settings.ActiveApps, _codeApps, $"[apps] active ({_locations.Describe("apps", "active")})");

    // Each app maps into its own group: tagged with the app's name, wrapped by the response hooks and the framework filters
    // that apply to the route, GET answering HEAD.
    private void ConfigureApps(WebApplication webApp, AppCatalog catalog)
    {
        foreach (var app in catalog.Apps)
        {
            var routes = webApp.MapGroup(string.Empty).WithMetadata(new AppEndpointMetadata(app.Name));
            routes.AddEndpointFilter(new ResponseHooksFilter(_hookStore));
            ((IEndpointConventionBuilder)routes).Add(AddFrameworkFilters);
            ((IEndpointConventionBuilder)routes).Finally(HeadForGet.Add);
            ((IEndpointConventionBuilder)routes).Finally(new ResponseDescriptions(_errors, ErrorOwners(app, catalog)).Describe);
            var hooks = new Hooks(_hookStore, app.Name, isFramework: false, webApp.Services);
            app.Module.Configure(new AppBuilder(app, routes, routes, hooks, new ErrorRegistry(_errors, app.Name), webApp.Configuration, webApp.Services, Settings));
        }
    }

    // The app and the apps it depends on, directly or not: the owners of the error codes its routes can answer.
    private static HashSet<string> ErrorOwners(ActiveApp app, AppCatalog catalog)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal) { app.Name };
        var pending = new Stack<ActiveApp>([app]);
        while (pending.TryPop(out var next))
        {
            foreach (var dependency in next.Module.DependsOn)
            {
                if (owners.Add(dependency.Name) && catalog.Apps.FirstOrDefault(a => a.Name == dependency.Name) is { } active)
                {
                    pending.Push(active);
                }
            }
        }

        return owners;
    }

    private void AddFrameworkFilters(EndpointBuilder endpoint)
    {
        foreach (var filter in FrameworkEndpointFilters)
        {
            if (filter.AppliesTo(endpoint))
            {
                endpoint.FilterFactories.Add((_, next) => context => filter.InvokeAsync(context, next));
            }
        }
    }

    private void AddFrameworkServices(FwkSettings settings, AppCatalog catalog)
    {
        var services = _builder.Services;
        services.AddSingleton(_hookStore);
        services.AddSingleton(_errors);
        services.AddSingleton(catalog);
        services.AddSingleton(settings);
        services.AddSingleton(_config);
        services.AddSingleton(sp => new Hooks(_hookStore, "Program", isFramework: false, sp));

        _builder.WebHost.UseUrls([.. settings.Urls]);
        _builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = settings.MaxBodySize;
            kestrel.Limits.MaxRequestLineSize = settings.MaxRequestLineSize;
            kestrel.Limits.MaxRequestHeadersTotalSize = settings.MaxRequestHeadersSize;
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(RejectionEnvelopes.Middleware(_errors)));
        });
        services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.ShutdownTimeout);
        _builder.Logging.SetMinimumLevel(settings.LogLevel);
        _builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= settings.LogLevel && !(_hostStarting && level >= LogLevel.Error));
        foreach (var (category, level) in settings.LogCategories)
        {
            _builder.Logging.AddFilter(category, level);
        }

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
            json.SerializerOptions.Converters.Add(new NulRejectingStringConverter());
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddHealthChecks();
        services.ConfigureAll<OpenApiOptions>(options =>
        {
            var naming = new OpenApiNaming();
            options.AddOperationTransformer(naming).AddDocumentTransformer(naming).AddSchemaTransformer(new OpenApiEnvelopes());
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, EnvelopeProblemDetailsWriter>());
        services.AddProblemDetails();
        services.AddExceptionHandler<EnvelopeExceptionHandler>();
        if (!settings.AllowedHosts.Contains("*"))
        {
            // WebApplication's defaults run host filtering ahead of every middleware, answering an empty 400; the
            // pipeline filters hosts after the envelope writers instead (UsePipeline), so that 400 is code 1003.
            for (var i = services.Count - 1; i >= 0; i--)
            {
                if (services[i].ServiceType == typeof(IStartupFilter) && services[i].ImplementationType?.Name == "HostFilteringStartupFilter")
                {
                    services.RemoveAt(i);
                }
            }

            services.AddHostFiltering(options =>
            {
                options.AllowedHosts = [.. settings.AllowedHosts];
                options.IncludeFailureMessage = false;
            });
        }

        if (settings.Cors is { } cors)
        {
            services.AddCors(options => options.AddDefaultPolicy(policy => CorsPolicyFactory.Apply(policy, cors)));
        }

        if (settings.RequestTimeout is { } timeout)
        {
            services.AddRequestTimeouts(options => options.DefaultPolicy = new() { Timeout = timeout });
        }
    }

    private void UsePipeline(WebApplication webApp, FwkSettings settings)
    {
        if (_hookStore.Get(Events.RequestStart).Length > 0 || _hookStore.Get(Events.RequestEnd).Length > 0)
        {
            webApp.UseMiddleware<RequestLifecycleMiddleware>();
        }

        webApp.UseExceptionHandler();
        webApp.UseMiddleware<StatusCodeEnvelopes>();
        webApp.UseMiddleware<JsonBodyBuffering>();
        if (!settings.AllowedHosts.Contains("*"))
        {
            webApp.UseHostFiltering();
        }

        if (settings.Cors is not null)
        {
            webApp.UseCors();
        }

        webApp.UseRouting();
        if (settings.RequestTimeout is not null)
        {
            webApp.UseRequestTimeouts();
        }

        foreach (var configure in _afterRouting)
        {
            configure(webApp);
        }
    }
}
