using Fwk.Db;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Jobs;

/// <summary>
/// The app <see cref="FwkJobsExtensions.UseJobs"/> activates: the queue's tables in the default bind (created and migrated
/// like any app's models), the workers (started before traffic, stopped after the server drained its requests, since
/// requests may enqueue), the <c>fwk jobs</c> verbs, and the purge of expired idempotency keys as a recurring job.
/// </summary>
internal sealed class JobsApp : IApp
{
    public void ConfigureVerbs(VerbRegistry verbs) => JobVerbs.Add(verbs);

    public void Configure(AppBuilder app)
    {
        app.Models.Add<JobRecordConfiguration>().Add<JobWorkerRecordConfiguration>();
        app.Hooks.On(Events.Startup, StartAsync);
        app.Hooks.On(Events.Shutdown, async (JobDispatcher dispatcher, JobSignal signal) =>
        {
            await dispatcher.StopAsync();
            await signal.StopNotifierAsync();
        });
        var maintenance = app.Services.GetRequiredService<DatabaseMaintenance>();
        maintenance.TakeOver();
        app.Jobs.Handle<WarmUpJob>(static () => { });
        app.Jobs.Every("fwk.idempotency_purge", $"*/{DatabaseMaintenance.Interval.TotalMinutes:0} * * * *", (DatabaseMaintenance upkeep, CancellationToken cancellationToken) => upkeep.RunAsync(cancellationToken));
    }

    // An instance that serves HTTP only ([jobs] enabled = false) still tells the others about the jobs its requests enqueue.
    private static async Task StartAsync(JobSettings settings, JobSignal signal, JobDispatcher dispatcher, CancellationToken cancellationToken)
    {
        if (settings.Notify)
        {
            signal.StartNotifier();
        }

        if (settings.Enabled)
        {
            await dispatcher.StartAsync(cancellationToken);
        }
    }
}
