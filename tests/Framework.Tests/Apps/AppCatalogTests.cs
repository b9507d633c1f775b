using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Apps;

public sealed class AppCatalogTests
{
    [Theory]
    [InlineData("NamedApp")]
    [InlineData("namedapp")]
    [InlineData("Fwk.Tests.Apps.NamedApp")]
    public async Task Start_WhenAppNamedInConfig_ActivatesIt(string name)
    {
        await using var project = await new TestProject(sections: $"[apps]\nactive = {name}").StartAsync();

        var response = await project.Client.GetAsync("/namedapp");

        var root = await Envelope.AssertSuccessAsync(response);
        Assert.Equal("NamedApp", root.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Start_WhenAppNameIsUnknown_ThrowsNamingIt()
    {
        await using var project = new TestProject(sections: "[apps]\nactive = NamedApp, NoSuchApp");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("'NoSuchApp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("config.ini, line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenAppNameIsUnknown_Returns1NamingIt()
    {
        await using var project = new TestProject(sections: "[apps]\nactive = Misspelled");

        Assert.Equal(1, await project.RunAsync());
        Assert.Contains("'Misspelled'", project.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenTwoAppsRegisterTheSameCode_ThrowsNamingBoth()
    {
        await using var project = new TestProject().Add<CodeOwnerOneApp>().Add<CodeOwnerTwoApp>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("1150", error.Message, StringComparison.Ordinal);
        Assert.Contains("'CodeOwnerOneApp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'CodeOwnerTwoApp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenAppRegistersReservedCode_ThrowsNamingAppAndRange()
    {
        await using var project = new TestProject().Add<ReservedCodeApp>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("1050", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ReservedCodeApp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1000–1099", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenTwoAppsMapSameMethodAndPattern_ThrowsNamingBoth()
    {
        await using var project = new TestProject().Add<RouteOwnerOneApp>().Add<RouteOwnerTwoApp>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("GET /things/{id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'RouteOwnerOneApp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'RouteOwnerTwoApp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenAppsShareAPatternWithDifferentMethods_ServesBoth()
    {
        await using var project = await new TestProject().Add<RouteOwnerOneApp>().Add<OtherMethodApp>().StartAsync();

        var get = await project.Client.GetAsync("/things/3");
        var delete = await project.Client.DeleteAsync("/things/4");

        Assert.Equal(3, (await Envelope.AssertSuccessAsync(get)).GetProperty("data").GetInt32());
        Assert.Equal(4, (await Envelope.AssertSuccessAsync(delete)).GetProperty("data").GetInt32());
    }

    [Fact]
    public async Task Start_WhenDependenciesFormACycle_ThrowsNamingTheApps()
    {
        await using var project = new TestProject().Add<CycleOneApp>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => project.App.StartAsync());

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("CycleOneApp -> CycleTwoApp -> CycleOneApp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenDependencyIsAddedLater_ConfiguresAndStartsItFirst()
    {
        await using var project = await new TestProject().Add<DependentApp>().Add<BaseApp>().StartAsync();

        await project.App.StopAsync();

        Assert.Equal(
            ["BaseApp:configure", "DependentApp:configure", "BaseApp:startup", "DependentApp:startup", "DependentApp:shutdown", "BaseApp:shutdown"],
            project.Recorder.Events);
    }

    [Fact]
    public async Task Start_WhenOnlyTheDependentIsActive_ActivatesItsDependency()
    {
        await using var project = await new TestProject(sections: "[apps]\nactive = DependentApp").StartAsync();

        var response = await project.Client.GetAsync("/baseapp");

        await Envelope.AssertSuccessAsync(response);
        Assert.Equal(["BaseApp", "DependentApp"], project.Recorder.Of("startup"));
    }

    [Fact]
    public async Task InitProject_WhenAppsHaveInitFunctions_RunsThemInAppOrder()
    {
        await using var project = new TestProject(args: ["init_project"]).Add<DependentApp>().Add<NamedApp>();

        var exitCode = await project.RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(["BaseApp", "DependentApp", "NamedApp"], project.Recorder.Of("init"));
        Assert.Empty(project.Recorder.Of("startup"));
    }
}
