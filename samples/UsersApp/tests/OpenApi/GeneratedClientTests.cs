using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Sample.Tests.Client;
using Sample.Tests.Client.Models;

namespace Sample.Tests.OpenApi;

/// <summary>The users CRUD through the client Kiota generates from the sample's OpenAPI document (see the project file).</summary>
public sealed class GeneratedClientTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task GeneratedClient_CallsTheUsersCrud_AndReadsTypedResults()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var recorder = new StatusRecorder(((TestServer)app.Services.GetRequiredService<IServer>()).CreateHandler());
        using var http = new HttpClient(recorder) { BaseAddress = app.Client.BaseAddress };
        var client = new UsersClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http));

        var created = (await client.Users.PostAsync(new UserInput { Name = "Grace Hopper", Email = "grace@example.com" }))!.Data!;
        var id = created.Id!.Value;
        var read = (await client.Users[id].GetAsync())!.Data!;
        var page = (await client.Users.GetAsync(request => request.QueryParameters.Limit = 10))!.Data!;
        var replaced = (await client.Users[id].PutAsync(new UserInput { Name = "Grace B. Hopper", Email = "grace@example.com" }))!.Data!;
        var patched = (await client.Users[id].PatchAsync(new UserPatch { Email = "hopper@example.com" }))!.Data!;
        using var owner = await app.LoginAsync("hopper@example.com");
        http.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization; // DELETE needs the user's own account
        var deleted = await client.Users[id].DeleteAsync();
        var missing = await Assert.ThrowsAsync<ErrorEnvelope>(() => client.Users[id].GetAsync());

        Assert.Equal([HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.NotFound], recorder.Statuses);
        Assert.Equal(("Grace Hopper", "grace@example.com"), (read.Name, read.Email));
        Assert.Equal((1L, id), (page.Count, page.Items!.Single().Id));
        Assert.Equal("Grace B. Hopper", replaced.Name);
        Assert.Equal(("Grace B. Hopper", "hopper@example.com"), (patched.Name, patched.Email));
        Assert.Equal(EmptySuccessEnvelope_status.Success, deleted!.Status);
        Assert.Equal((Sample.Users.UsersApp.UserNotFound, ErrorEnvelope_status.Error, $"User '{id}' does not exist"), (missing.Code, missing.Status, missing.Message));
    }
}
