using Fwk.Db;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fwk.Jobs;

/// <summary>Adds durable events and background jobs to a Fwk application, and the members apps use to register them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "The analyzer counts C# 14 extension blocks as members named 'extension'.")]
public static class FwkJobsExtensions
{
    /// <summary>
    /// Durable events and background jobs on the project's own PostgreSQL (the default bind; call after
    /// <see cref="FwkDatabaseExtensions.UseDatabase"/>). Activates the jobs app: tables <c>fwk_jobs</c> and
    /// <c>fwk_job_workers</c> (created by create_db and migrations like any app's), <c>[jobs] workers</c> workers in every
    /// instance (default 4) started before traffic and stopped after the server drained its requests, the <c>fwk jobs</c>
    /// verbs, and a <c>jobs</c> entry in <c>/health</c> with the queue's depth. Apps register handlers with
    /// <c>app.Jobs</c> and <c>app.Hooks.OnDurable</c>; handlers and hooks enqueue through <see cref="JobQueue"/>.
    /// </summary>
    public static FwkApplication UseJobs(this FwkApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings.Declare(JobSettings.Section, JobSettings.Keys);
        var services = app.Services;
        services.AddSingleton(new JobCatalog());
        services.AddSingleton(sp => JobSettings.Read(sp.GetRequiredService<ConfigReader>()));
        services.AddSingleton(sp => new JobStore(sp.GetRequiredService<Databases>()));
        services.AddSingleton(sp => new JobSignal(sp.GetRequiredService<JobStore>(), sp.GetRequiredService<ILogger<JobSignal>>()));
        services.AddSingleton(sp => new Completer(sp.GetRequiredService<JobStore>(), sp.GetRequiredService<ILogger<Completer>>()));
        services.AddSingleton(sp => new JobExecutor(
            sp, sp.GetRequiredService<JobCatalog>(), sp.GetRequiredService<JobStore>(), sp.GetRequiredService<Databases>(), sp.GetRequiredService<Hooks>(), sp.GetRequiredService<ILogger<JobExecutor>>()));
        services.AddSingleton(sp => new WorkerHeartbeat(sp.GetRequiredService<JobSettings>(), sp.GetRequiredService<JobStore>(), sp.GetRequiredService<JobSignal>(), sp.GetRequiredService<ILogger<WorkerHeartbeat>>()));
        services.AddSingleton(sp => new RecurringScheduler(sp.GetRequiredService<JobCatalog>(), sp.GetRequiredService<JobStore>(), sp.GetRequiredService<ILogger<RecurringScheduler>>()));
        services.AddSingleton(sp => new JobWarmUp(sp, sp.GetRequiredService<JobCatalog>(), sp.GetRequiredService<JobExecutor>(), sp.GetRequiredService<ILogger<JobWarmUp>>()));
        services.AddSingleton(sp => new JobDispatcher(
            sp.GetRequiredService<JobSettings>(), sp.GetRequiredService<JobStore>(), sp.GetRequiredService<JobExecutor>(), sp.GetRequiredService<JobSignal>(),
            sp.GetRequiredService<Completer>(), sp.GetRequiredService<WorkerHeartbeat>(), sp.GetRequiredService<RecurringScheduler>(),
            sp.GetRequiredService<JobWarmUp>(), sp.GetRequiredService<ILogger<JobDispatcher>>()));
        services.AddSingleton(sp => new JobRunner(sp.GetRequiredService<JobStore>(), sp.GetRequiredService<JobExecutor>(), sp.GetRequiredService<JobCatalog>(), sp.GetRequiredService<JobSettings>()));
        services.AddScoped(sp => new JobQueue(sp.GetRequiredService<JobCatalog>(), sp.GetRequiredService<Session>(), sp.GetRequiredService<JobSignal>()));
        services.AddScoped(_ => new JobInfo());
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs");
        app.AddApp<JobsApp>();
        return app;
    }

    /// <param name="app">The app being configured.</param>
    extension(AppBuilder app)
    {
        /// <summary>The app's job handlers and recurring jobs (needs <see cref="UseJobs"/> in Program).</summary>
        public JobRegistry Jobs => new(Catalog(app.Services), app.Hooks, app.Services);
    }

    /// <param name="hooks">An app's hooks (<c>app.Hooks</c>), or the hooks resolved from DI.</param>
    extension(Hooks hooks)
    {
        /// <summary>
        /// Handles the durable event <paramref name="eventName"/>: each <see cref="PublishAsync"/> (or
        /// <see cref="JobQueue.Publish"/>) stores one job for this handler, in the publishing transaction, run at least once
        /// by a worker of any instance with the event's argument (the handler's parameter that is not a service), retried
        /// like any job. In-process handlers (<see cref="Hooks.On"/>) of the same name are separate.
        /// </summary>
        public Hooks OnDurable(string eventName, Delegate handler)
        {
            var services = hooks.Services ?? throw new InvalidOperationException("Durable handlers are registered by apps, in IApp.Configure (app.Hooks.OnDurable).");
            new JobRegistry(Catalog(services), hooks, services).OnDurable(eventName, handler);
            return hooks;
        }

        /// <summary>
        /// Publishes the durable event <paramref name="eventName"/> with <paramref name="args"/> from the request
        /// <paramref name="httpContext"/>: one job per durable handler, stored with the request's changes (nothing when
        /// the request fails). Returns how many jobs were stored.
        /// </summary>
        public Task<int> PublishAsync(string eventName, object? args, HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(hooks);
            ArgumentNullException.ThrowIfNull(httpContext);
            return Task.FromResult(httpContext.RequestServices.GetRequiredService<JobQueue>().Publish(eventName, args));
        }
    }

    private static JobCatalog Catalog(IServiceProvider services) =>
        services.GetService<JobCatalog>() ?? throw new InvalidOperationException("Background jobs need app.UseJobs() in Program.cs (after app.UseDatabase()).");
}
