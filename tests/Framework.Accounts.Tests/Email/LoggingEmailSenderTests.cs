using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Fwk.Accounts.Tests.Email;

/// <summary>With no IEmailSender registered, mails are logged, and serving outside debug says so at startup.</summary>
public sealed class LoggingEmailSenderTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    private const string Category = "Fwk.Accounts.LoggingEmailSender";

    [Fact]
    public async Task Startup_WithoutASenderOutsideDebug_WarnsThatMailsAreOnlyLogged()
    {
        var recorder = new LogRecorder();
        await using var app = await Vaults.StartAsync(database, recorder);

        Assert.Single(recorder.Entries, e => e.Category == Category && e.Level == LogLevel.Warning && e.Text.Contains("only logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_WithoutASenderInDebug_DoesNotWarn()
    {
        var recorder = new LogRecorder();
        await using var app = await Vaults.StartAsync(database, recorder, ("environment", "debug", "true"));

        Assert.DoesNotContain(recorder.Entries, e => e.Category == Category && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Startup_WithASender_DoesNotWarn()
    {
        var recorder = new LogRecorder();
        await using var app = await Vaults.StartAsync(
            database, services => services.RemoveAll<ILoggerProvider>().AddSingleton<ILoggerProvider>(recorder).AddSingleton<IEmailSender>(new Outbox()));

        Assert.DoesNotContain(recorder.Entries, e => e.Category == Category);
    }

    [Fact]
    public async Task Register_WithoutASender_LogsTheConfirmationMail()
    {
        var recorder = new LogRecorder();
        await using var app = await Vaults.StartAsync(database, recorder, ("logging", "level", "Information"));

        await app.RegisterAsync("ada@example.com");

        var mail = Assert.Single(recorder.Entries, e => e.Category == Category && e.Level == LogLevel.Information);
        Assert.Equal("ada@example.com", mail.Properties["To"]);
        Assert.NotEmpty(Outbox.TokenIn(mail.Properties["Body"]!));
    }
}
