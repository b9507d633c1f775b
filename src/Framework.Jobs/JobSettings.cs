using System.Globalization;

namespace Fwk.Jobs;

/// <summary>The <c>[jobs]</c> section of config.ini, read once at startup; a bad value stops startup naming it.</summary>
internal sealed record JobSettings(
    bool Enabled,
    int Workers,
    IReadOnlyList<string> Queues,
    TimeSpan PollInterval,
    TimeSpan Heartbeat,
    TimeSpan Retention,
    bool Notify,
    TimeSpan ShutdownTimeout)
{
    public const string Section = "jobs";

    /// <summary>The queue of a job that names none.</summary>
    public const string DefaultQueue = "default";

    /// <summary>The keys of <c>[jobs]</c>.</summary>
    public static readonly string[] Keys = ["enabled", "workers", "queues", "poll_interval", "heartbeat", "retention", "notify", "shutdown_timeout"];

    /// <summary>A worker silent for this long is taken for dead: three missed heartbeats.</summary>
    public TimeSpan DeadAfter => Heartbeat * 3;

    public static JobSettings Read(ConfigReader config)
    {
        var queues = config.List(Section, "queues");
        return new JobSettings(
            Enabled: config.Bool(Section, "enabled", true),
            Workers: config.Int(Section, "workers", 4, min: 1, max: 1000),
            Queues: queues.Count > 0 ? queues : [DefaultQueue],
            PollInterval: Duration(config, "poll_interval", TimeSpan.FromSeconds(1)),
            Heartbeat: Duration(config, "heartbeat", TimeSpan.FromSeconds(5)),
            Retention: Duration(config, "retention", TimeSpan.FromDays(7)),
            Notify: config.Bool(Section, "notify", true),
            ShutdownTimeout: Duration(config, "shutdown_timeout", TimeSpan.FromSeconds(10)));
    }

    // Seconds by default; 500ms, 30s, 10m, 24h and 7d read as they say.
    private static TimeSpan Duration(ConfigReader config, string key, TimeSpan fallback)
    {
        var text = config.String(Section, key);
        if (text is null)
        {
            return fallback;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase)
            ? (text[..^2], TimeSpan.FromMilliseconds(1))
            : char.ToLowerInvariant(text[^1]) switch
            {
                's' => (text[..^1], TimeSpan.FromSeconds(1)),
                'm' => (text[..^1], TimeSpan.FromMinutes(1)),
                'h' => (text[..^1], TimeSpan.FromHours(1)),
                'd' => (text[..^1], TimeSpan.FromDays(1)),
                _ => (text, TimeSpan.FromSeconds(1)),
            };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1e6)
        {
            throw config.Invalid(Section, key, "expected a duration: seconds (e.g. 30), or 500ms, 30s, 10m, 24h, 7d");
        }

        return unit * value;
    }
}
