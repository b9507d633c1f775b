using Fwk;
using Fwk.Accounts;

namespace Bank.Notes;

/// <summary>Routes each guarded differently, and the project's health and OpenAPI document (open).</summary>
public sealed class NotesApp : IApp
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddOpenApi();

    public void Configure(AppBuilder app)
    {
        app.Routes.MapHealth("/health");
        app.Routes.MapOpenApi("/openapi/{documentName}.json");
        app.Routes.MapGet("/notes/open", () => "open");
        app.Routes.MapGet("/notes/private", (HttpContext http) => http.User.FindFirst(AccountClaims.Subject)!.Value).RequireAuth();
        app.Routes.MapGet("/notes/admin", () => "admin").RequireRole("admin");
        app.Routes.MapGet("/notes/reports", () => "reports").RequirePermission("reports.read");
    }
}
