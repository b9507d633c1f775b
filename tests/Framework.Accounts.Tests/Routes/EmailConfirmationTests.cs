using System.Net;
using System.Net.Http.Json;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts.Tests.Routes;

/// <summary>Register mails a confirmation token; POST /auth/confirm-email takes it; require_confirmed_email gates login.</summary>
public sealed class EmailConfirmationTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task ConfirmEmail_WithTheTokenRegisterMailed_ConfirmsTheAccount()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox);
        var account = await app.RegisterAsync("ada@example.com");
        var before = await ConfirmedAsync(app, account.Id);

        var confirm = await ConfirmAsync(app, "ada@example.com", outbox.TokenOf("ada@example.com", "Confirm"));

        Assert.False(before);
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        Assert.True(await ConfirmedAsync(app, account.Id));
    }

    [Fact]
    public async Task ConfirmEmail_WithAWrongTokenOrAnUnknownEmail_Answers1212()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox);
        var account = await app.RegisterAsync("ada@example.com");
        await app.RegisterAsync("bob@example.com");

        var wrong = await ConfirmAsync(app, "ada@example.com", "not a token");
        var othersToken = await ConfirmAsync(app, "ada@example.com", outbox.TokenOf("bob@example.com", "Confirm"));
        var unknown = await ConfirmAsync(app, "nobody@example.com", outbox.TokenOf("ada@example.com", "Confirm"));

        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ConfirmationTokenRefused), await wrong.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ConfirmationTokenRefused), await othersToken.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.ConfirmationTokenRefused), await unknown.StatusAndCodeAsync());
        Assert.False(await ConfirmedAsync(app, account.Id));
    }

    [Fact]
    public async Task Login_WhenConfirmationIsRequired_Answers1213OnlyToTheRightPasswordUntilConfirmed()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox, ("auth", "require_confirmed_email", "true"));
        await app.RegisterAsync("ada@example.com");

        var wrongPassword = await app.PostLoginAsync("ada@example.com", "wrong password");
        var unconfirmed = await app.PostLoginAsync("ada@example.com");
        await ConfirmAsync(app, "ada@example.com", outbox.TokenOf("ada@example.com", "Confirm"));
        var confirmed = await app.PostLoginAsync("ada@example.com");

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await wrongPassword.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.EmailNotConfirmed), await unconfirmed.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ConfirmsTheEmailItWasMailedTo()
    {
        var outbox = new Outbox();
        await using var app = await Vaults.StartAsync(database, outbox, ("auth", "require_confirmed_email", "true"));
        await app.RegisterAsync("ada@example.com");
        await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "ada@example.com" });

        await app.Client.PostAsJsonAsync("/auth/reset-password", new { email = "ada@example.com", token = outbox.TokenOf("ada@example.com", "Reset"), new_password = "a brand new long password" });

        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync("ada@example.com", "a brand new long password")).StatusCode);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(FwkTestApp app, string email, string token) =>
        app.Client.PostAsJsonAsync("/auth/confirm-email", new { email, token });

    private static Task<bool> ConfirmedAsync(FwkTestApp app, Guid id) =>
        app.WithSessionAsync(db => db.Set<AccountUser>().Where(u => u.Id == id).Select(u => u.EmailConfirmed).SingleAsync());
}
