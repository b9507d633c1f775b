using Microsoft.AspNetCore.Builder;

namespace Fwk.Accounts;

/// <summary>
/// Routes that manage the account itself (its API keys, logout-all, the password): they need the account holder's own
/// credentials, an access token or a session cookie. An API key is refused with 403, so a key cannot mint other keys or
/// end its owner's sessions.
/// </summary>
internal static class AccountHolderPolicy
{
    public static TBuilder RequireAccountHolder<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(context => !context.User.HasClaim(c => c.Type == AccountClaims.ApiKey)));
}
