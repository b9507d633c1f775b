using Cronos;

namespace Fwk.Jobs;

/// <summary>A job of <c>app.Jobs.Every</c>: its handler and schedule (UTC).</summary>
internal sealed record RecurringJob(string Name, CronExpression Schedule, JobHandler Handler)
{
    /// <summary>One row per slot across every instance: the slot's unique key.</summary>
    public string UniqueKey(DateTime slot) => $"every:{Name}:{slot:yyyy-MM-ddTHH:mm:ssZ}";
}
