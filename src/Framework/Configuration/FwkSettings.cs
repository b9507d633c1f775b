using Microsoft.Extensions.Logging;

namespace Fwk;

/// <summary>The framework's own sections of config.ini, read and validated once at startup.</summary>
internal sealed record FwkSettings
{
    public required string EnvironmentName { get; init; }

    public required bool Debug { get; init; }

    public required IReadOnlyList<string> Urls { get; init; }

    public required IReadOnlyList<string> AllowedHosts { get; init; }

    public required long MaxBodySize { get; init; }

    public required TimeSpan? RequestTimeout { get; init; }

    /// <summary><c>[networking] max_request_line_size</c>: bytes of method, URL and version; longer answers 1012 (414). Kestrel's 8 KiB by default.</summary>
    public required int MaxRequestLineSize { get; init; }

    /// <summary><c>[networking] max_request_headers_size</c>: bytes of all headers; more answers 1013 (431). Kestrel's 32 KiB by default.</summary>
    public required int MaxRequestHeadersSize { get; init; }

    /// <summary><c>[networking] shutdown_timeout</c>: how long a stopping server lets in-flight requests finish. 30 s by default.</summary>
    public required TimeSpan ShutdownTimeout { get; init; }

    public required IReadOnlyList<string> ActiveApps { get; init; }

    public required CorsSettings? Cors { get; init; }

    public required LogLevel LogLevel { get; init; }

    public required IReadOnlyDictionary<string, LogLevel> LogCategories { get; init; }

    /// <summary>Reads every framework section, throwing a <see cref="ConfigurationException"/> at the first bad value.</summary>
    public static FwkSettings Read(ConfigReader config)
    {
        var urls = config.List("networking", "urls");
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw config.Invalid("networking", "urls", $"'{url}' is not an http(s) URL");
            }
        }

        return new FwkSettings
        {
            EnvironmentName = config.String("environment", "name", "production")!,
            Debug = config.Bool("environment", "debug", fallback: false),
            Urls = urls.Count > 0 ? urls : ["http://127.0.0.1:8000"],
            AllowedHosts = config.List("networking", "allowed_hosts") is { Count: > 0 } hosts ? hosts : ["*"],
            MaxBodySize = config.Long("networking", "max_body_size", 30_000_000, min: 1),
            RequestTimeout = config.Seconds("networking", "request_timeout"),
            MaxRequestLineSize = config.Int("networking", "max_request_line_size", 8 * 1024, min: 256, max: 1024 * 1024),
            MaxRequestHeadersSize = config.Int("networking", "max_request_headers_size", 32 * 1024, min: 1024, max: 16 * 1024 * 1024),
            ShutdownTimeout = config.Seconds("networking", "shutdown_timeout") ?? TimeSpan.FromSeconds(30),
            ActiveApps = config.List("apps", "active"),
            Cors = CorsSettings.Read(config),
            LogLevel = ReadLevel(config, "level") ?? LogLevel.Information,
            LogCategories = ReadCategories(config),
        };
    }

    private static Dictionary<string, LogLevel> ReadCategories(ConfigReader config)
    {
        var categories = new Dictionary<string, LogLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in config.Configuration.GetSection("logging").GetChildren())
        {
            // A child without a value is a section (ASP.NET Core's own Logging__Console__... variables land here): not a category.
            if (entry.Value is not null && !entry.Key.Equals("level", StringComparison.OrdinalIgnoreCase))
            {
                categories[entry.Key] = ReadLevel(config, entry.Key)!.Value;
            }
        }

        return categories;
    }

    private static LogLevel? ReadLevel(ConfigReader config, string key)
    {
        var text = config.String("logging", key);
        if (text is null)
        {
            return null;
        }

        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw config.Invalid("logging", key, "expected Trace, Debug, Information, Warning, Error, Critical or None");
    }
}
