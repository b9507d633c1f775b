using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Fwk;

/// <summary>Turns the <c>[cors]</c> section into ASP.NET Core's default CORS policy; <c>*</c> or an empty list allows any.</summary>
internal static class CorsPolicyFactory
{
    public static void Apply(CorsPolicyBuilder policy, CorsSettings cors)
    {
        if (cors.AllowedOrigins.Contains("*"))
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            policy.WithOrigins([.. cors.AllowedOrigins]);
        }

        if (cors.AllowedMethods.Count == 0 || cors.AllowedMethods.Contains("*"))
        {
            policy.AllowAnyMethod();
        }
        else
        {
            policy.WithMethods([.. cors.AllowedMethods]);
        }

        if (cors.AllowedHeaders.Count == 0 || cors.AllowedHeaders.Contains("*"))
        {
            policy.AllowAnyHeader();
        }
        else
        {
            policy.WithHeaders([.. cors.AllowedHeaders]);
        }

        if (cors.AllowCredentials)
        {
            policy.AllowCredentials();
        }

        if (cors.MaxAge is { } maxAge)
        {
            policy.SetPreflightMaxAge(maxAge);
        }
    }
}
