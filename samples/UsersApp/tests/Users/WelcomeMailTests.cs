using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sample.Users;

namespace Sample.Tests.Users;

/// <summary>The welcome mail: a job stored with the new user, sent once by a worker; nothing for a refused user.</summary>
public sealed class WelcomeMailTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Post_EnqueuesTheNewUsersWelcomeMail_SentOnceByTheWorkers()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var grace = await (await app.Client.PostAsJsonAsync("/users", new { name = "Grace Hopper", email = "grace@example.com" })).ReadSuccessAsync<User>();
        var runs = await app.Jobs.DrainAsync();
        var again = await app.Jobs.DrainAsync();

        var run = Assert.Single(runs);
        Assert.Equal((typeof(WelcomeMail).FullName, true), (run.Kind, run.Succeeded));
        Assert.Equal(1, app.Services.GetRequiredService<MailSender>().Sent);
        Assert.Empty(again);
        Assert.Equal([grace.Id], await app.WithSessionAsync(db => db.Set<SentMail>().Select(m => m.UserId).ToListAsync()));
    }

    [Fact]
    public async Task Post_WhenTheEmailIsTaken_EnqueuesNoMail()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        await app.Client.PostAsJsonAsync("/users", new { name = "Someone", email = "ada@example.com" });
        await app.Client.PostAsJsonAsync("/users", new { name = "Someone Else", email = "ada@example.com" });
        var runs = await app.Jobs.DrainAsync();

        Assert.Single(runs);
    }
}
