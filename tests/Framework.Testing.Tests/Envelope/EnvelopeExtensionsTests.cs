using System.Net;
using System.Net.Http.Json;

namespace Fwk.Testing.Tests.Envelope;

/// <summary>Reading the envelopes: data, codes, messages, validation fields, and a clear failure on anything else.</summary>
public sealed class EnvelopeExtensionsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task ReadErrorAsync_OnValidationFailure_ReportsEachFieldsMessages()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var error = await (await app.Client.PostAsJsonAsync("/echo", new { email = "not-an-email" })).ReadErrorAsync();

        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (error.Status, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var messages = Assert.Single(error.Fields, field => field.Key == "email").Value;
        Assert.NotEmpty(messages);
    }

    [Fact]
    public async Task ReadSuccessAsync_OnAnErrorEnvelope_ThrowsWithTheStatusAndBody()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var failure = await Assert.ThrowsAsync<EnvelopeException>(async () => await (await app.Client.GetAsync("/nowhere")).ReadSuccessAsync<object>());

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
        Assert.Contains("\"code\":1001", failure.Body, StringComparison.Ordinal);
        Assert.Contains("404", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSuccessAsync_WhenTheDataLacksAConstructorParameter_ThrowsNamingItAndShowingTheJson()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var failure = await Assert.ThrowsAsync<EnvelopeException>(async () => await (await app.Client.GetAsync("/subscribers/count")).ReadSuccessAsync<Owner>());

        Assert.Equal(HttpStatusCode.OK, failure.Status);
        Assert.Contains("Owner", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'email'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("data: {\"count\":", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSuccessAsync_WhenTheDataHasNullForANonNullableMember_Throws()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        var failure = await Assert.ThrowsAsync<EnvelopeException>(async () => await (await app.Client.PostAsJsonAsync("/subscribers", new { email = "untagged@example.com" })).ReadSuccessAsync<Tagged>());

        Assert.Contains("\"tag\":null", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Tag'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadErrorAsync_OnASuccess_Throws()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);

        await Assert.ThrowsAsync<EnvelopeException>(async () => await (await app.Client.GetAsync("/subscribers/count")).ReadErrorAsync());
    }

    private sealed record Owner(string Email, int Count);

    private sealed record Tagged(int Id, string Email, string Tag);
}
