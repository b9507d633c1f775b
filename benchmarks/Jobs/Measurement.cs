namespace JobsBench;

/// <summary>One thing measured per target and round: a throughput run of one batch size, or the latency run.</summary>
internal sealed record Measurement(string Name, bool Latency, int Batch)
{
    public static IReadOnlyList<Measurement> All { get; } =
    [
        .. JobsOptions.Batches.Select(batch => new Measurement($"throughput b={batch}", false, batch)),
        new Measurement("latency", true, 1),
    ];

    /// <summary>The protocol's arguments for this measurement (the connection first, then the rest).</summary>
    public IReadOnlyList<string> Arguments(string connection, JobsOptions options) =>
    [
        "--connection", connection,
        "--mode", Latency ? "latency" : "throughput",
        "--jobs", (Latency ? options.LatencyJobs : options.Jobs).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--batch", Batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--workers", options.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--rate", options.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
