using System.Net;
using System.Net.Http.Json;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Sample.Cars;
using Sample.Users;

namespace Sample.Tests.Cars;

/// <summary>The cars app: a user's cars, the relation across the two apps, and the migration that added their color.</summary>
public sealed class CarsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task PostThenList_KeepsTheCarsOfTheirUser()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var id = await UserAsync(app);

        var response = await app.Client.PostAsJsonAsync($"/users/{id}/cars", new { name = "Beetle", model = "Type 1", doors = 2, color = "red" });
        var car = await response.ReadSuccessAsync<Car>();
        var cars = await (await app.Client.GetAsync($"/users/{id}/cars")).ReadSuccessAsync<Page<Car>>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((id, 2, "red"), (car.UserId, car.Doors, car.Color));
        Assert.Equal("Beetle", Assert.Single(cars.Items).Name);
    }

    [Fact]
    public async Task Post_WhenDoorsOutOfRangeOrUserMissing_AnswersTheRightError()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var id = await UserAsync(app);

        var invalid = await (await app.Client.PostAsJsonAsync($"/users/{id}/cars", new { name = "Bus", model = "T2", doors = 11 })).ReadErrorAsync();
        var missing = await (await app.Client.PostAsJsonAsync("/users/999/cars", new { name = "Ghost", model = "X", doors = 4 })).ReadErrorAsync();

        Assert.Equal(["doors"], invalid.Fields.Keys);
        Assert.Equal(UsersApp.UserNotFound, missing.Code);
    }

    [Fact]
    public async Task UpgradeToAddColor_KeepsTheCarsSavedBeforeIt()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var id = await UserAsync(app);
        Assert.Equal(0, (await app.RunVerbAsync("db", "downgrade", "Initial", "--yes", "--bind", "default")).ExitCode);
        await app.WithSessionAsync(db => db.Database.ExecuteSqlAsync($"insert into cars (name, model, doors, user_id) values ('Saved before', 'Old', 4, {id})"));

        var upgrade = await app.RunVerbAsync("db", "upgrade");
        var cars = await (await app.Client.GetAsync($"/users/{id}/cars")).ReadSuccessAsync<Page<Car>>();

        Assert.Matches(@"default: applied \d{14}_AddColorToCars", upgrade.Output);
        var car = Assert.Single(cars.Items);
        Assert.Equal(("Saved before", null), (car.Name, car.Color));
    }

    private static Task<int> UserAsync(FwkTestApp app) => app.WithSessionAsync(async db =>
    {
        var user = db.Add(new User { Name = "Owner", Email = "owner@example.com" }).Entity;
        await db.SaveChangesAsync();
        return user.Id;
    });
}
