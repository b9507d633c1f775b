using Microsoft.AspNetCore.Http;

namespace Fwk.Accounts;

/// <summary>
/// Cross-site request forgery: a request authenticated by the session cookie whose method changes state (anything but
/// GET, HEAD, OPTIONS, TRACE) must send the <c>X-Fwk-Csrf</c> header (any value), or it is refused with
/// <see cref="AccountErrorCodes.CsrfHeaderMissing"/> before its endpoint runs. A cross-site form cannot set a header, and a
/// cross-site script that does needs a CORS preflight the app does not grant; SameSite=Strict keeps the cookie off
/// cross-site requests in the first place. Requests with an access token or an API key are not concerned.
/// </summary>
internal static class CsrfGuard
{
    public const string Header = "X-Fwk-Csrf";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        var changesState = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        return changesState && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AccountSchemes.Cookie } && !context.Request.Headers.ContainsKey(Header)
            ? Respond.Error(AccountErrorCodes.CsrfHeaderMissing).ExecuteAsync(context)
            : next(context);
    }
}
