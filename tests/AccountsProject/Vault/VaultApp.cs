using Fwk;
using Fwk.Accounts;

namespace Bank.Vault;

/// <summary>An app whose every route needs an access token, but the one it opens itself.</summary>
public sealed class VaultApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.RequireAuth();
        app.Routes.MapGet("/vault", () => "secret");
        app.Routes.MapGet("/vault/notice", () => "public notice").AllowAnonymous();
    }
}
