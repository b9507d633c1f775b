using System.Net;
using System.Net.Http.Json;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Routes;

/// <summary>POST /auth/forgot-password and /auth/reset-password: a mailed token sets a new password and ends every session.</summary>
public sealed class PasswordResetTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    private const string NewPassword = "a brand new long password";

    [Fact]
    public async Task ForgotPassword_ForAKnownOrAnUnknownEmail_Answers202AlikeAndMailsOnlyTheAccount()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox);
        await app.RegisterAsync("ada@example.com");

        var known = await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "ada@example.com" });
        var unknown = await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "nobody@example.com" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var reset = Assert.Single(outbox.Sent, m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        Assert.Equal("ada@example.com", reset.To);
        Assert.DoesNotContain(outbox.Sent, m => m.To == "nobody@example.com");
    }

    [Fact]
    public async Task ResetPassword_WithTheMailedToken_SetsThePasswordAndKillsEveryToken()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox);
        var old = await app.RegisterAndLoginAsync("ada@example.com");
        await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "ada@example.com" });
        var token = outbox.TokenOf("ada@example.com", "Reset");

        var reset = await ResetAsync(app, "ada@example.com", token, NewPassword);
        var again = await ResetAsync(app, "ada@example.com", token, "yet another long password");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await (await app.GetAsync("/auth/me", old.AccessToken)).StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.RefreshRefused), await (await app.RefreshAsync(old.RefreshToken)).StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync("ada@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync("ada@example.com", NewPassword)).StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ResetTokenRefused), await again.StatusAndCodeAsync());
    }

    [Fact]
    public async Task ResetPassword_WithAWrongTokenOrAnUnknownEmail_Answers1211AndKeepsThePassword()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox);
        await app.RegisterAsync("ada@example.com");
        await app.RegisterAsync("bob@example.com");
        await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "bob@example.com" });
        var bobsToken = outbox.TokenOf("bob@example.com", "Reset");

        var wrong = await ResetAsync(app, "ada@example.com", "not a token", NewPassword);
        var othersToken = await ResetAsync(app, "ada@example.com", bobsToken, NewPassword);
        var confirmationToken = await ResetAsync(app, "ada@example.com", outbox.TokenOf("ada@example.com", "Confirm"), NewPassword);
        var unknown = await ResetAsync(app, "nobody@example.com", bobsToken, NewPassword);

        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ResetTokenRefused), await wrong.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ResetTokenRefused), await othersToken.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ResetTokenRefused), await confirmationToken.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ResetTokenRefused), await unknown.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync("ada@example.com")).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_WithAShortPasswordOrAMissingField_Answers1002AndTheTokenStillWorks()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox);
        await app.RegisterAsync("ada@example.com");
        await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "ada@example.com" });
        var token = outbox.TokenOf("ada@example.com", "Reset");

        var tooShort = await (await ResetAsync(app, "ada@example.com", token, "short")).ReadErrorAsync();
        var noToken = await (await app.Client.PostAsJsonAsync("/auth/reset-password", new { email = "ada@example.com", new_password = NewPassword })).ReadErrorAsync();
        var reset = await ResetAsync(app, "ada@example.com", token, NewPassword);

        Assert.Equal((ErrorCodes.ValidationFailed, "new_password"), (tooShort.Code, Assert.Single(tooShort.Fields.Keys)));
        Assert.Equal((ErrorCodes.ValidationFailed, "token"), (noToken.Code, Assert.Single(noToken.Fields.Keys)));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_WhenRateExceededForTheAccount_Answers429AndMailsNoMore()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox, ("auth", "forgot_password_account_rate_per_minute", "2"));
        await app.RegisterAsync("ada@example.com");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await app.PostFromAsync($"10.0.0.{i + 1}", "/auth/forgot-password", new { email = "ada@example.com" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, (HttpStatusCode)429], answers);
        Assert.Equal(2, outbox.Sent.Count(m => m.Subject.Contains("Reset", StringComparison.Ordinal)));
    }

    private static Task<HttpResponseMessage> ResetAsync(FwkTestApp app, string email, string token, string newPassword) =>
        app.Client.PostAsJsonAsync("/auth/reset-password", new { email, token, new_password = newPassword });
}
