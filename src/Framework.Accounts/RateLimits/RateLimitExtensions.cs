using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fwk.Accounts;

internal static class RateLimitExtensions
{
    /// <summary>Limits the route by the <c>[auth]</c> limit <paramref name="limitOf"/> picks (<see cref="RateLimitFilter"/>).</summary>
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder route, Func<RateLimitSettings, RateLimit> limitOf) =>
        route.AddEndpointFilter(new RateLimitFilter(limitOf));
}
