using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Fwk.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Testing;

/// <content>Calling the app as one of its accounts (the project calls <c>app.UseAccounts()</c>).</content>
public sealed partial class FwkTestApp
{
    private readonly ConcurrentDictionary<string, string> _passwords = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A new client that calls the app as the account <paramref name="email"/>, with a real access token: the account is made
    /// (its email confirmed) if it does not exist, given <paramref name="roles"/> it lacks (roles are made when missing),
    /// then logged in through <c>POST /auth/login</c>, so the token is the one the app issues, rate limits and all. An
    /// account this method did not make gets a password of its own first, which ends that account's other sessions.
    /// <code>
    /// using var admin = await app.LoginAsync("root@example.com", "admin");
    /// var deleted = await admin.DeleteAsync($"/users/{id}");
    /// </code>
    /// </summary>
    /// <exception cref="InvalidOperationException">The project has no accounts, or login did not answer an access token (cookie mode).</exception>
    public async Task<HttpClient> LoginAsync(string email, params string[] roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(roles);
        var password = await EnsureAccountAsync(email, roles);
        var login = await Client.PostAsJsonAsync("/auth/login", new { email, password });
        var data = await login.ReadSuccessAsync<JsonElement>();
        if (!data.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
        {
            throw new InvalidOperationException("POST /auth/login answered no access token ([auth] cookie = true?); LoginAsync needs token mode.");
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task<string> EnsureAccountAsync(string email, string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetService<UserManager<AccountUser>>()
            ?? throw new InvalidOperationException("The project has no accounts: call app.UseAccounts() in its Program.cs.");
        var password = _passwords.GetOrAdd(email, _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AccountUser { UserName = email, Email = email, EmailConfirmed = true };
            Succeeded(await users.CreateAsync(user, password), "create the account");
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            Succeeded(await users.RemovePasswordAsync(user), "replace the account's password");
            Succeeded(await users.AddPasswordAsync(user, password), "replace the account's password");
        }

        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<AccountRole>>();
        foreach (var role in roles)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                continue;
            }

            if (!await roleManager.RoleExistsAsync(role))
            {
                Succeeded(await roleManager.CreateAsync(new AccountRole(role)), $"create role {role}");
            }

            Succeeded(await users.AddToRoleAsync(user, role), $"add role {role}");
        }

        return password;
    }

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"LoginAsync could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
