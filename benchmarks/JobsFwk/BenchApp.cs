using Fwk;
using Fwk.Jobs;

namespace JobsFwk;

/// <summary>The runner's one app: the trivial job's handler.</summary>
public sealed class BenchApp : IApp
{
    public void Configure(AppBuilder app) => app.Jobs.Handle<Trivial>((Trivial job, Recorder recorder) => recorder.Started(job));
}
