using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fwk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>Starting the test project with its signing key, and the account calls the tests make.</summary>
internal static class Vaults
{
    /// <summary>The variable config.ini's <c>signing_key_env</c> names, and the key the tests put in it.</summary>
    public const string KeyVariable = "FWK_TEST_AUTH_SIGNING_KEY";

    public const string Key = "a test signing key, 32 bytes or more, never used elsewhere";

    public const string Password = "correct horse battery";

    public static Task<FwkTestApp> StartAsync(FwkTestDatabase database, params (string Section, string Key, string Value)[] settings) =>
        StartAsync(database, services => { }, settings);

    /// <summary>Starts the project with <paramref name="settings"/>, and <paramref name="configureServices"/> to replace services (a mail outbox, a log recorder).</summary>
    public static Task<FwkTestApp> StartAsync(FwkTestDatabase database, Action<IServiceCollection> configureServices, params (string Section, string Key, string Value)[] settings)
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        return FwkTestApp.StartAsync<Program>(database, options =>
        {
            foreach (var (section, key, value) in settings)
            {
                options.With(section, key, value);
            }

            options.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressHeader>()).ConfigureServices(configureServices);
        });
    }

    public static async Task<Account> RegisterAsync(this FwkTestApp app, string email, string password = Password) =>
        await (await app.Client.PostAsJsonAsync("/auth/register", new { email, password })).ReadSuccessAsync<Account>();

    public static Task<HttpResponseMessage> PostLoginAsync(this FwkTestApp app, string email, string password = Password) =>
        app.Client.PostAsJsonAsync("/auth/login", new { email, password });

    /// <summary>Starts the project with <paramref name="outbox"/> as its mail sender.</summary>
    public static Task<FwkTestApp> StartAsync(FwkTestDatabase database, Outbox outbox, params (string Section, string Key, string Value)[] settings) =>
        StartAsync(database, services => services.AddSingleton<IEmailSender>(outbox), settings);

    /// <summary>Starts the project with <paramref name="recorder"/> as its only log provider.</summary>
    public static Task<FwkTestApp> StartAsync(FwkTestDatabase database, LogRecorder recorder, params (string Section, string Key, string Value)[] settings) =>
        StartAsync(database, services => services.RemoveAll<ILoggerProvider>().AddSingleton<ILoggerProvider>(recorder), settings);

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> as a client at <paramref name="address"/> would.</summary>
    public static Task<HttpResponseMessage> PostFromAsync(this FwkTestApp app, string address, string path, object body) =>
        app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { ClientAddressHeader.Name, address } } });

    public static async Task<TokenPair> RegisterAndLoginAsync(this FwkTestApp app, string email)
    {
        await app.RegisterAsync(email);
        return await (await app.PostLoginAsync(email)).ReadSuccessAsync<TokenPair>();
    }

    /// <summary>Disables the account of <paramref name="email"/> as an admin would: a lockout with no end.</summary>
    public static Task DisableAsync(this FwkTestApp app, string email) =>
        app.WithSessionAsync(db => db.Set<AccountUser>().Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));

    public static Task<HttpResponseMessage> RefreshAsync(this FwkTestApp app, string refreshToken) =>
        app.Client.PostAsJsonAsync("/auth/refresh", new { refresh_token = refreshToken });

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <c>Authorization: Bearer <paramref name="accessToken"/></c>.</summary>
    public static Task<HttpResponseMessage> SendAsync(this FwkTestApp app, HttpMethod method, string path, string? accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return app.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this FwkTestApp app, string path, string? accessToken) =>
        app.SendAsync(HttpMethod.Get, path, accessToken);
}
