using System.Net.Http.Json;
using Fwk.Testing;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>Creating API keys and calling the app with one.</summary>
internal static class ApiKeys
{
    public static Task<HttpResponseMessage> CreateKeyAsync(this FwkTestApp app, string accessToken, string name, string[] scopes, int? expiresDays = null) =>
        app.SendAsync(HttpMethod.Post, "/auth/api-keys", accessToken, new { name, scopes, expires_days = expiresDays });

    public static async Task<CreatedKey> CreateKeyOrFailAsync(this FwkTestApp app, string accessToken, params string[] scopes) =>
        await (await app.CreateKeyAsync(accessToken, "ci", scopes)).ReadSuccessAsync<CreatedKey>();

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <c>X-Api-Key: <paramref name="key"/></c>.</summary>
    public static Task<HttpResponseMessage> SendWithKeyAsync(this FwkTestApp app, HttpMethod method, string path, string key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return app.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetWithKeyAsync(this FwkTestApp app, string path, string key) => app.SendWithKeyAsync(HttpMethod.Get, path, key);

    /// <summary>Gives the account <paramref name="permissions"/> (its own permission claims).</summary>
    public static Task GrantAsync(this FwkTestApp app, Guid accountId, params string[] permissions) =>
        app.WithSessionAsync(db =>
        {
            foreach (var permission in permissions)
            {
                db.Add(new IdentityUserClaim<Guid> { UserId = accountId, ClaimType = AccountClaims.Permission, ClaimValue = permission });
            }

            return Task.CompletedTask;
        });
}
