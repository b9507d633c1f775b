using Microsoft.AspNetCore.Builder;

namespace Fwk.Accounts;

/// <summary>
/// Protects routes, groups and whole apps (needs <see cref="FwkAccountsExtensions.UseAccounts"/>): ASP.NET Core
/// authorization underneath, so requirements added twice (on an app and on one of its routes) must all hold, and
/// <c>AllowAnonymous()</c> on a route opens it again. Credentials are an access token, an API key (<c>X-Api-Key</c>: its
/// scopes are its only permissions, it has no roles) or, in cookie mode, the session cookie. Without valid ones a protected route answers 401
/// (<see cref="AccountErrorCodes.Unauthenticated"/>, <c>WWW-Authenticate: Bearer</c>); with one that lacks a role or
/// permission, 403 (<see cref="AccountErrorCodes.Forbidden"/>).
/// </summary>
public static class FwkAuthorizationExtensions
{
    /// <summary>The route (or group) needs a valid access token.</summary>
    public static TBuilder RequireAuth<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization();

    /// <summary>The route needs an access token with one of <paramref name="roles"/> (Identity roles, as the <c>role</c> claims of the token).</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(policy => policy.RequireRole(roles));

    /// <summary>The route needs an access token with one of <paramref name="permissions"/> (<see cref="AccountClaims.Permission"/> claims).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(policy => policy.RequireClaim(AccountClaims.Permission, permissions));

    /// <summary>Every route of the app, mapped before or after this call, needs a valid access token (a route's <c>AllowAnonymous()</c> opens it).</summary>
    public static AppBuilder RequireAuth(this AppBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.RouteConventions.RequireAuth();
        return app;
    }
}
