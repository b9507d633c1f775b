using System.Net.Http.Json;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests;

/// <summary>
/// Passwords and tokens never reach the logs, at Debug level, through an account's whole life. The one exception is by
/// design: the development mail sender logs each mail, so the reset and confirmation tokens appear in its category only.
/// </summary>
public sealed class SecretsInLogsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    private const string MailCategory = "Fwk.Accounts.LoggingEmailSender";

    [Fact]
    public async Task AccountFlows_AtDebugLevel_LogNoPasswordOrTokenOutsideTheDevelopmentMailSender()
    {
        var recorder = new LogRecorder();
        await using var app = await Vaults.StartAsync(database, recorder, ("logging", "level", "Debug"));
        string[] passwords = [Vaults.Password, "a second long password", "a third long password", "a wrong long password"];

        await app.RegisterAsync("ada@example.com", passwords[0]);
        await app.PostLoginAsync("ada@example.com", passwords[3]);
        var login = await (await app.PostLoginAsync("ada@example.com", passwords[0])).ReadSuccessAsync<TokenPair>();
        var refreshed = await (await app.RefreshAsync(login.RefreshToken)).ReadSuccessAsync<TokenPair>();
        await app.GetAsync("/auth/me", refreshed.AccessToken);
        var changed = await (await app.SendAsync(HttpMethod.Post, "/auth/password", refreshed.AccessToken, new { current_password = passwords[0], new_password = passwords[1] }))
            .ReadSuccessAsync<TokenPair>();
        await app.Client.PostAsJsonAsync("/auth/forgot-password", new { email = "ada@example.com" });
        var resetToken = MailedToken(recorder, "Reset");
        await app.Client.PostAsJsonAsync("/auth/reset-password", new { email = "ada@example.com", token = resetToken, new_password = passwords[2] });
        var last = await (await app.PostLoginAsync("ada@example.com", passwords[2])).ReadSuccessAsync<TokenPair>();
        await app.SendAsync(HttpMethod.Post, "/auth/logout", null, new { refresh_token = last.RefreshToken });

        string[] tokens = [.. new[] { login, refreshed, changed, last }.SelectMany(p => new[] { p.AccessToken, p.RefreshToken })];
        var entries = recorder.Entries;
        Assert.Contains(entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.All(passwords.Concat(tokens), secret => Assert.DoesNotContain(entries, e => e.Text.Contains(secret, StringComparison.Ordinal)));
        Assert.All([resetToken, MailedToken(recorder, "Confirm")], mailed => Assert.All(
            entries.Where(e => e.Text.Contains(mailed, StringComparison.Ordinal)), e => Assert.Equal(MailCategory, e.Category)));
    }

    private static string MailedToken(LogRecorder recorder, string subject) =>
        Outbox.TokenIn(recorder.Entries.Last(e => e.Category == MailCategory && e.Properties.GetValueOrDefault("Subject")?.Contains(subject, StringComparison.Ordinal) == true).Properties["Body"]!);
}
