using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Fwk.Accounts;

/// <summary>
/// The <c>/auth</c> routes: register, login, refresh, logout and the mailed-token routes (forgot-password, reset-password,
/// confirm-email) are open; the others need an access token (or a session cookie); those that manage the account refuse
/// API keys.
/// </summary>
internal static class AccountRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth");
        auth.MapPost("/register", Registration.RegisterAsync).AllowAnonymous().RateLimited(limits => limits.Register);
        auth.MapPost("/login", Login.LoginAsync).AllowAnonymous().RateLimited(limits => limits.Login);
        auth.MapPost("/refresh", TokenRefresh.RefreshAsync).AllowAnonymous();
        auth.MapPost("/logout", Logout.LogoutAsync).AllowAnonymous();
        auth.MapPost("/logout-all", Logout.LogoutAllAsync).RequireAccountHolder();
        auth.MapGet("/me", Me.GetAsync).RequireAuth();
        auth.MapPost("/password", PasswordChange.ChangeAsync).RequireAccountHolder();
        auth.MapPost("/forgot-password", PasswordReset.ForgotAsync).AllowAnonymous().RateLimited(limits => limits.ForgotPassword);
        auth.MapPost("/reset-password", PasswordReset.ResetAsync).AllowAnonymous();
        auth.MapPost("/confirm-email", EmailConfirmation.ConfirmAsync).AllowAnonymous();
        auth.MapPost("/api-keys", ApiKeyRoutes.CreateAsync).RequireAccountHolder();
        auth.MapGet("/api-keys", ApiKeyRoutes.ListAsync).RequireAccountHolder();
        auth.MapDelete("/api-keys/{id:guid}", ApiKeyRoutes.RevokeAsync).RequireAccountHolder();
    }
}
