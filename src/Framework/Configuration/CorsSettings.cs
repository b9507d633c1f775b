namespace Fwk;

/// <summary>The <c>[cors]</c> section; absent when the section sets no allowed origins.</summary>
internal sealed record CorsSettings(
    IReadOnlyList<string> AllowedOrigins,
    IReadOnlyList<string> AllowedMethods,
    IReadOnlyList<string> AllowedHeaders,
    bool AllowCredentials,
    TimeSpan? MaxAge)
{
    /// <summary>Reads <c>[cors]</c>; <c>*</c> in a list means any.</summary>
    public static CorsSettings? Read(ConfigReader config)
    {
        var origins = config.List("cors", "allowed_origins");
        if (origins.Count == 0)
        {
            return null;
        }

        var settings = new CorsSettings(
            origins,
            config.List("cors", "allowed_methods"),
            config.List("cors", "allowed_headers"),
            config.Bool("cors", "allow_credentials", fallback: false),
            config.Seconds("cors", "max_age"));
        if (settings.AllowCredentials && origins.Contains("*"))
        {
            throw config.Invalid("cors", "allow_credentials", "credentials cannot be allowed for every origin (*); list the origins");
        }

        return settings;
    }
}
