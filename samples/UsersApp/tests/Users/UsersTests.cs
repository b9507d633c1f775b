using System.Net;
using System.Net.Http.Json;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Sample.Users;

namespace Sample.Tests.Users;

/// <summary>The users app: CRUD, validation, conflicts, paging and its own 404 (code 1101).</summary>
public sealed class UsersTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Post_CreatesTheUser_201WithItsLocation()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var response = await app.Client.PostAsJsonAsync("/users", new { name = "Grace Hopper", email = "grace@example.com" });
        var grace = await response.ReadSuccessAsync<User>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/users/{grace.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Grace Hopper", await app.WithSessionAsync(async db => (await db.Set<User>().SingleAsync(u => u.Id == grace.Id)).Name));
    }

    [Fact]
    public async Task Post_WhenInvalid_Answers1002WithEachFieldsMessages()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var error = await (await app.Client.PostAsJsonAsync("/users", new { name = "", email = "not-an-email" })).ReadErrorAsync();

        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (error.Status, error.Code));
        Assert.Equal(["email", "name"], error.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(error.Fields.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public async Task Post_WhenEmailTaken_Answers1008AndAddsNothing()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        await app.WithSessionAsync(db => Task.FromResult(db.Add(new User { Name = "Ada", Email = "ada@example.com" })));

        var error = await (await app.Client.PostAsJsonAsync("/users", new { name = "Ada Again", email = "ada@example.com" })).ReadErrorAsync();

        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.Conflict), (error.Status, error.Code));
        Assert.Equal(1, await app.WithSessionAsync(db => db.Set<User>().CountAsync()));
    }

    [Fact]
    public async Task Get_WhenMissing_AnswersTheAppsOwn1101()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var error = await (await app.Client.GetAsync("/users/999")).ReadErrorAsync();

        Assert.Equal((HttpStatusCode.NotFound, UsersApp.UserNotFound, "User '999' does not exist"), (error.Status, error.Code, error.Message));
    }

    [Fact]
    public async Task List_AfterInitProject_PagesOverTheSeededUsers()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var init = await app.RunVerbAsync("init_project");
        Assert.True(init.ExitCode == 0, init.Error);
        await app.Client.PostAsJsonAsync("/users", new { name = "Grace Hopper", email = "grace@example.com" });

        var page = await (await app.Client.GetAsync("/users?limit=2&offset=1")).ReadSuccessAsync<Page<User>>();
        var error = await (await app.Client.GetAsync("/users?limit=0")).ReadErrorAsync();

        Assert.Equal(3, page.Count);
        Assert.Equal(["alan@example.com", "grace@example.com"], page.Items.Select(u => u.Email));
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
    }

    [Theory]
    [InlineData("/users?limit=abc")]
    [InlineData("/users?limit=1&limit=2")]
    [InlineData("/users?limit=1;DROP TABLE users")]
    [InlineData("/users?offset=x")]
    public async Task List_WhenPagingDoesNotBind_Answers1002NamingTheParameter(string path)
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var response = await app.Client.GetAsync(path);
        var error = await response.ReadErrorAsync();

        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (error.Status, error.Code));
        var field = Assert.Single(error.Fields);
        Assert.Equal(path.Contains("offset", StringComparison.Ordinal) ? "offset" : "limit", field.Key);
        Assert.NotEmpty(field.Value);
        Assert.Equal(0, await app.WithSessionAsync(db => db.Set<User>().CountAsync())); // the table is still there
    }

    [Fact]
    public async Task PutAndPatch_ReplaceOrChangeOnlyWhatIsGiven_ThenDeleteRemoves()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var id = await app.WithSessionAsync(async db =>
        {
            var user = db.Add(new User { Name = "Grace", Email = "grace@example.com" }).Entity;
            await db.SaveChangesAsync();
            return user.Id;
        });

        await (await app.Client.PutAsJsonAsync($"/users/{id}", new { name = "Grace B. Hopper", email = "gbh@example.com" })).ReadSuccessAsync<User>();
        var patched = await (await app.Client.PatchAsJsonAsync($"/users/{id}", new { name = "Amazing Grace" })).ReadSuccessAsync<User>();
        using var owner = await app.LoginAsync("gbh@example.com");
        await (await owner.DeleteAsync($"/users/{id}")).ReadSuccessAsync<object>();
        var gone = await (await app.Client.GetAsync($"/users/{id}")).ReadErrorAsync();

        Assert.Equal(("Amazing Grace", "gbh@example.com"), (patched.Name, patched.Email));
        Assert.Equal(UsersApp.UserNotFound, gone.Code);
    }

    [Fact]
    public async Task Delete_ByNoAccountOrAnother_Answers401Or403_ByTheUsersOwnAccountOrAnAdmin200()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var ada = await (await app.Client.PostAsJsonAsync("/users", new { name = "Ada", email = "ada@example.com" })).ReadSuccessAsync<User>();
        var alan = await (await app.Client.PostAsJsonAsync("/users", new { name = "Alan", email = "alan@example.com" })).ReadSuccessAsync<User>();
        using var asAda = await app.LoginAsync("ada@example.com");
        using var admin = await app.LoginAsync("root@example.com", UsersApp.AdminRole);

        var anonymous = await (await app.Client.DeleteAsync($"/users/{ada.Id}")).ReadErrorAsync();
        var other = await (await asAda.DeleteAsync($"/users/{alan.Id}")).ReadErrorAsync();
        await (await asAda.DeleteAsync($"/users/{ada.Id}")).ReadSuccessAsync<object>();
        await (await admin.DeleteAsync($"/users/{alan.Id}")).ReadSuccessAsync<object>();

        Assert.Equal((HttpStatusCode.Unauthorized, Fwk.Accounts.AccountErrorCodes.Unauthenticated), (anonymous.Status, anonymous.Code));
        Assert.Equal((HttpStatusCode.Forbidden, Fwk.Accounts.AccountErrorCodes.Forbidden), (other.Status, other.Code));
        Assert.Equal(0, await app.WithSessionAsync(db => db.Set<User>().CountAsync()));
    }
}
