using System.Net;
using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Tests.Hosting;

/// <summary>
/// A route, query or header value that does not convert answers 1002 naming the parameter, never 2xx: whether binding
/// throws (<c>ThrowOnBadRequest</c>, the reflection-built delegates) or only sets 400 and runs the filters with the
/// parameter's default (the request delegate generator, or an app that turns <c>ThrowOnBadRequest</c> off).
/// </summary>
public sealed class BindingFailuresTests
{
    public static TheoryData<string, string, bool> Failures()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var throws in new[] { true, false })
        {
            data.Add("/page?limit=abc", "limit", throws);
            data.Add("/page?limit=1&limit=2", "limit", throws);
            data.Add("/page?limit=1;DROP TABLE users", "limit", throws);
            data.Add("/numbers/abc", "id", throws);
            data.Add("/paged?PageSize=abc", "page_size", throws);
            data.Add("/optional?limit=x", "limit", throws);
            data.Add("/header", "count", throws);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Get_WhenValueDoesNotConvert_Answers1002NamingTheParameterAndSkipsTheHandler(string path, string field, bool throwOnBadRequest)
    {
        await using var project = await StartAsync(throwOnBadRequest);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Count", "many");

        var response = await project.Client.SendAsync(request);

        var root = await Envelope.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var data = root.GetProperty("data");
        Assert.Equal([field], data.EnumerateObject().Select(p => p.Name));
        Assert.NotEmpty(data.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Empty(project.Recorder.Events);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_WhenValuesConvert_RunsTheHandler(bool throwOnBadRequest)
    {
        await using var project = await StartAsync(throwOnBadRequest);

        var response = await project.Client.GetAsync("/optional?limit=7");

        var data = await Envelope.AssertSuccessDataAsync(response);
        Assert.Equal(7, data.GetInt32());
    }

    private static async Task<TestProject> StartAsync(bool throwOnBadRequest)
    {
        var project = new TestProject().Add<BindingApp>();
        project.App.Services.PostConfigure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = throwOnBadRequest);
        return await project.StartAsync();
    }
}

internal sealed class BindingApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapGet("/page", (int limit, Recorder recorder) => Ran(recorder, limit));
        app.Routes.MapGet("/numbers/{id}", (int id, Recorder recorder) => Ran(recorder, id));
        app.Routes.MapGet("/paged", ([AsParameters] BindingQuery query, Recorder recorder) => Ran(recorder, query.PageSize));
        app.Routes.MapGet("/optional", (Recorder recorder, int? limit = 20) => Ran(recorder, limit ?? 0));
        app.Routes.MapGet("/header", ([FromHeader(Name = "X-Count")] int count, Recorder recorder) => Ran(recorder, count));
    }

    private static int Ran(Recorder recorder, int value)
    {
        recorder.Add("handler ran");
        return value;
    }
}

public sealed record BindingQuery(int PageSize = 20);
