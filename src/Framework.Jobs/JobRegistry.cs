using Cronos;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Jobs;

/// <summary>
/// Where an app registers its job handlers and recurring jobs (<c>app.Jobs</c>, valid while apps configure). Handlers
/// are delegates whose parameters bind like hook parameters: the job (its payload), the job's own <see cref="Db.Session"/>
/// (saved with the job's completion, in one transaction), <see cref="JobInfo"/>, services, <see cref="CancellationToken"/>.
/// A handler that throws is retried with exponential backoff and jitter, then discarded after its last attempt.
/// </summary>
public sealed class JobRegistry
{
    /// <summary>Attempts of a job before it is discarded, unless its handler or enqueue says otherwise.</summary>
    public const int DefaultMaxAttempts = 20;

    /// <summary>Attempts of one slot of a recurring job (a failed slot is retried, not left to the next).</summary>
    public const int RecurringMaxAttempts = 3;

    private readonly JobCatalog _catalog;
    private readonly Hooks _hooks;
    private readonly IServiceProviderIsService _services;

    internal JobRegistry(JobCatalog catalog, Hooks hooks, IServiceProvider services)
    {
        _catalog = catalog;
        _hooks = hooks;
        _services = services.GetRequiredService<IServiceProviderIsService>();
    }

    /// <summary>
    /// Runs jobs of type <typeparamref name="TJob"/> (enqueued with <see cref="JobQueue.Enqueue{TJob}(TJob, JobOptions?)"/>) with
    /// <paramref name="handler"/>, in <paramref name="queue"/> (default <c>default</c>), at most
    /// <paramref name="maxAttempts"/> times (default 20). One handler per job type in the application.
    /// </summary>
    public JobRegistry Handle<TJob>(Delegate handler, string? queue = null, int? maxAttempts = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var kind = typeof(TJob).FullName ?? typeof(TJob).Name;
        _catalog.Add(Register(kind, handler, typeof(TJob), queue, maxAttempts), typeof(TJob));
        return this;
    }

    /// <summary>
    /// Runs <paramref name="handler"/> on the schedule <paramref name="cron"/> (UTC; five fields, or six with seconds first:
    /// <c>"0 3 * * *"</c> is every night at 03:00), exactly once per slot across every instance, by whichever worker claims
    /// it. A slot passed while no instance ran is skipped. <paramref name="name"/> identifies the job in <c>fwk jobs</c>.
    /// </summary>
    public JobRegistry Every(string name, string cron, Delegate handler, string? queue = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        ArgumentNullException.ThrowIfNull(handler);
        CronExpression schedule;
        try
        {
            schedule = CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException exception)
        {
            throw new InvalidOperationException($"Recurring job '{name}' of app '{_hooks.Owner}': '{cron}' is not a cron expression: {exception.Message}", exception);
        }

        _catalog.AddRecurring(new RecurringJob(name, schedule, Register("every:" + name, handler, null, queue, RecurringMaxAttempts)));
        return this;
    }

    /// <summary>What <c>app.Hooks.OnDurable</c> registers: one job per publish, for this handler.</summary>
    internal void OnDurable(string eventName, Delegate handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(handler);
        var kind = $"durable:{eventName}:{_hooks.Owner}";
        var count = _catalog.ForEvent(eventName).Count(h => h.Owner == _hooks.Owner);
        kind = count == 0 ? kind : $"{kind}#{count + 1}";
        var payload = PayloadParameter.TypeOf(handler, _services, $"Durable handler of '{eventName}' in app '{_hooks.Owner}'");
        _catalog.AddDurable(eventName, Register(kind, handler, payload, null, null));
    }

    private JobHandler Register(string kind, Delegate handler, Type? payload, string? queue, int? maxAttempts)
    {
        if (maxAttempts is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "A job needs at least one attempt.");
        }

        var eventName = "job:" + kind;
        _hooks.On(eventName, handler);
        return new JobHandler(kind, eventName, payload, queue ?? JobSettings.DefaultQueue, maxAttempts ?? DefaultMaxAttempts, _hooks.Owner);
    }
}
