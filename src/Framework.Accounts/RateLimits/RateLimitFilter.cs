using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// Counts a request against its route's limits before the handler runs, and answers
/// <see cref="AccountErrorCodes.RateLimited"/> (429, <c>Retry-After</c> in seconds) when one is spent. It runs after the body
/// is bound, so the account name is the bound email, normalized as Identity looks accounts up (never the raw body, never a
/// password), and the endpoint's own binding is untouched.
/// </summary>
internal sealed class RateLimitFilter(Func<RateLimitSettings, RateLimit> limitOf) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var email = context.Arguments.OfType<IAccountNameInput>().FirstOrDefault()?.Email;
        var account = string.IsNullOrWhiteSpace(email) ? null : services.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email.Trim());
        var limit = limitOf(services.GetRequiredService<RateLimitSettings>());
        if (services.GetRequiredService<AuthRateLimiter>().TryAcquire(limit, ClientAddress.Key(http.Connection.RemoteIpAddress), account) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Respond.Error(AccountErrorCodes.RateLimited);
        }

        return await next(context);
    }
}
