using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Fwk.Accounts;

/// <summary>
/// Gives the authorization middleware's answers Fwk's error envelope: ASP.NET Core's own handling challenges (JwtBearer
/// sets 401 and <c>WWW-Authenticate</c>) or forbids (403), then the body is <see cref="AccountErrorCodes.Unauthenticated"/>
/// or <see cref="AccountErrorCodes.Forbidden"/>.
/// </summary>
internal sealed class AuthorizationEnvelopes : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Challenged)
        {
            await Respond.Error(AccountErrorCodes.Unauthenticated).ExecuteAsync(context);
        }
        else if (authorizeResult.Forbidden)
        {
            await Respond.Error(AccountErrorCodes.Forbidden).ExecuteAsync(context);
        }
    }
}
