using Fwk.Db;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fwk.Accounts;

/// <summary>Adds accounts to a Fwk application.</summary>
public static class FwkAccountsExtensions
{
    /// <summary>
    /// Accounts on the project's own PostgreSQL (the default bind; call after <see cref="FwkDatabaseExtensions.UseDatabase"/>).
    /// Activates the Accounts app: ASP.NET Core Identity (UserManager, its password hasher, lockout, security stamps) with
    /// its EF Core stores on the request's <see cref="Session"/>, its tables and the refresh tokens' as the app's models, and
    /// the <c>/auth</c> routes (register, login, refresh, logout, logout-all, me, password, forgot-password, reset-password,
    /// confirm-email; login, register and forgot-password rate limited). Mails go through the <see cref="IEmailSender"/> in
    /// DI (one that only logs when the project registers none). Access tokens are JWTs that
    /// JwtBearer checks on every request that sends one; authentication and authorization run after routing, inside Fwk's
    /// error envelopes, so a route protected with <see cref="FwkAuthorizationExtensions.RequireAuth{TBuilder}"/> answers
    /// 401 (<see cref="AccountErrorCodes.Unauthenticated"/>) or 403 (<see cref="AccountErrorCodes.Forbidden"/>). Routes
    /// without it stay open. Settings: <c>[auth]</c>; the signing key comes from the environment variable
    /// <c>signing_key_env</c> names (default <c>FWK_AUTH_SIGNING_KEY</c>), read at startup. Machine clients may send an API key
    /// (<c>X-Api-Key</c>, made with <c>POST /auth/api-keys</c>) instead of an access token; browser apps may use a session
    /// cookie instead (<c>[auth] cookie = true</c>). Data protection keeps its keys in the default bind, so cookies survive
    /// restarts and work across instances. Every OpenAPI document of the project declares the credentials, and which routes
    /// need them and answer 401 or 403.
    /// </summary>
    public static FwkApplication UseAccounts(this FwkApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.Any(s => s.ServiceType == typeof(Session)))
        {
            throw new InvalidOperationException("Accounts live in the project's database: call app.UseDatabase() before app.UseAccounts().");
        }

        app.Settings.Declare(AccountSettings.Section, AccountSettings.Keys);
        app.Settings.Declare(AccountSettings.Section, RateLimitSettings.Keys);
        app.Settings.Declare(AccountSettings.Section, EmailSettings.Keys);
        var services = app.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => AccountSettings.Read(sp.GetRequiredService<ConfigReader>()));
        services.AddSingleton(sp => SigningKey.Read(sp.GetRequiredService<AccountSettings>()));
        services.AddSingleton(sp => new AccessTokens(sp.GetRequiredService<AccountSettings>(), sp.GetRequiredService<SigningKey>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new DummyPassword());
        services.AddSingleton(sp => RateLimitSettings.Read(sp.GetRequiredService<ConfigReader>()));
        services.AddSingleton<AuthRateLimiter>();
        services.AddSingleton(sp => EmailSettings.Read(sp.GetRequiredService<ConfigReader>()));
        services.TryAddSingleton<IEmailSender, LoggingEmailSender>();
        services.AddScoped<AccountMails>();
        services.AddScoped(sp => new RefreshTokens(sp.GetRequiredService<Session>(), sp.GetRequiredService<AccountSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new TokenIssuer(
            sp.GetRequiredService<Session>(), sp.GetRequiredService<AccessTokens>(), sp.GetRequiredService<RefreshTokens>(), sp.GetRequiredService<AccountSettings>()));

        // Identity's EF Core stores take the context from DI: Fwk.Db's scoped Session of the default bind is one.
        services.AddOptions<IdentityOptions>().Configure<AccountSettings>(IdentitySetup.Configure);
        services.AddIdentityCore<AccountUser>().AddRoles<AccountRole>().AddEntityFrameworkStores<Session>().AddDefaultTokenProviders();

        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<EmailSettings>((options, email) => options.TokenLifespan = email.TokenLifetime);

        services.AddAuthentication(AccountSchemes.Default)
            .AddPolicyScheme(AccountSchemes.Default, null, options =>
            {
                options.ForwardDefaultSelector = AccountSchemes.Select;
                options.ForwardChallenge = AccountSchemes.Bearer;
                options.ForwardForbid = AccountSchemes.Bearer;
            })
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(AccountSchemes.ApiKey, null)
            .AddCookie(AccountSchemes.Cookie);
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>>(sp => new CookieOptionsSetup(sp.GetRequiredService<AccountSettings>(), sp.GetRequiredService<ConfigReader>()));
        // Session cookies, reset and confirmation tokens are data protection payloads: their keys live in the database, so
        // every instance (and a restarted one) reads them.
        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>().Configure<AccountSettings>((options, settings) => options.ApplicationDiscriminator = settings.DataProtectionApplication);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new SessionXmlRepository(scopes));
        services.AddScoped(sp => new SessionCookies(sp.GetRequiredService<AccountSettings>(), sp.GetRequiredService<Session>()));
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>>(sp => new BearerOptionsSetup(sp.GetRequiredService<AccountSettings>(), sp.GetRequiredService<SigningKey>()));
        services.AddAuthorization();
        services.ConfigureAll<OpenApiOptions>(options => options.AddDocumentTransformer<OpenApiSecurity>().AddOperationTransformer<OpenApiSecurity>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationEnvelopes>();
        app.UseAfterRouting(pipeline => pipeline.UseAuthentication().Use(CsrfGuard.InvokeAsync).UseAuthorization());
        app.AddApp<AccountsApp>();
        return app;
    }
}
