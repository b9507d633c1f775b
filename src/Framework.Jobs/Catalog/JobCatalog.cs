namespace Fwk.Jobs;

/// <summary>
/// Every job handler of the application, by kind, payload type and durable event, plus the recurring jobs. Filled
/// while apps configure (a second handler for a kind stops startup naming both apps), read-only afterwards.
/// </summary>
internal sealed class JobCatalog
{
    private readonly Dictionary<string, JobHandler> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, JobHandler> _byType = [];
    private readonly Dictionary<string, List<JobHandler>> _durable = new(StringComparer.Ordinal);
    private readonly List<RecurringJob> _recurring = [];

    public IReadOnlyList<RecurringJob> Recurring => _recurring;

    public IEnumerable<JobHandler> Handlers => _byKind.Values;

    public void Add(JobHandler handler, Type? jobType = null)
    {
        if (_byKind.TryGetValue(handler.Kind, out var existing))
        {
            throw new InvalidOperationException($"Job '{handler.Kind}' has two handlers: one of app '{existing.Owner}', one of app '{handler.Owner}'.");
        }

        _byKind[handler.Kind] = handler;
        if (jobType is not null)
        {
            _byType[jobType] = handler;
        }
    }

    public void AddDurable(string eventName, JobHandler handler)
    {
        Add(handler);
        if (!_durable.TryGetValue(eventName, out var handlers))
        {
            _durable[eventName] = handlers = [];
        }

        handlers.Add(handler);
    }

    public void AddRecurring(RecurringJob job)
    {
        Add(job.Handler);
        _recurring.Add(job);
    }

    public JobHandler? ForKind(string kind) => _byKind.GetValueOrDefault(kind);

    public JobHandler ForType(Type jobType) =>
        _byType.GetValueOrDefault(jobType)
        ?? throw new InvalidOperationException($"No handler for job type '{jobType.FullName}': register one with app.Jobs.Handle<{jobType.Name}>(…).");

    public IReadOnlyList<JobHandler> ForEvent(string eventName) => _durable.TryGetValue(eventName, out var handlers) ? handlers : [];
}
