using System.Net;
using Fwk.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Fwk.Tests.Hooks;

public sealed class ResponseHooksTests
{
    [Fact]
    public async Task SuccessResponse_WhenHookSetsAHeader_HeaderIsSent()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.SuccessResponse, void (HttpContext http) => http.Response.Headers["X-Saved"] = "yes");
        await project.Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/ok");

        await Envelope.AssertSuccessAsync(response);
        Assert.Equal("yes", Assert.Single(response.Headers.GetValues("X-Saved")));
    }

    [Fact]
    public async Task SuccessResponse_WhenHookThrows_AnswersErrorEnvelopeNot200()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.SuccessResponse, void () => throw new InvalidOperationException("save failed"));
        await project.Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/ok");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        Assert.Equal(1, project.Recorder.Count("handler"));
    }

    [Fact]
    public async Task SuccessResponse_WhenHookThrowsFwkException_AnswersThatCode()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.SuccessResponse, void () => throw new FwkException(ErrorCodes.Conflict));
        await project.Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/ok");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.Conflict);
    }

    [Fact]
    public async Task ExceptionResponse_WhenHandlerThrows_ReceivesTheException()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.ExceptionResponse, void (Exception exception, Recorder recorder) => recorder.Captured = exception);
        await project.Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/throw");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
        var exception = Assert.IsType<InvalidOperationException>(project.Recorder.Captured);
        Assert.Equal("boom", exception.Message);
        Assert.Equal(0, project.Recorder.Count("LifecycleApp:success_response"));
    }

    [Fact]
    public async Task ExceptionResponse_WhenHandlerReturnsAnError_ReceivesTheResult()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.ExceptionResponse, void (IResult result, Recorder recorder) => recorder.Captured = result);
        await project.Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/error");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.IsAssignableFrom<IResult>(project.Recorder.Captured);
        Assert.Equal(1, project.Recorder.Count("LifecycleApp:exception_response"));
        Assert.Equal(0, project.Recorder.Count("LifecycleApp:success_response"));
    }

    [Fact]
    public async Task ExceptionResponse_WhenHookThrows_AnswersErrorEnvelope()
    {
        await using var project = new TestProject();
        project.App.Hooks.On(Events.ExceptionResponse, void () => throw new InvalidOperationException("rollback failed"));
        await project.Add<LifecycleApp>().StartAsync();

        var response = await project.Client.GetAsync("/error");

        await Envelope.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unhandled);
    }
}
