using System.Net;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Sample.Tests;

/// <summary>
/// Bad input on every route of the sample (types, ranges, repeats, missing, extra, huge): each answers its status and code
/// in the error envelope, and no request whose input failed answers 2xx. Unknown JSON members and query keys are ignored
/// (System.Text.Json's and ASP.NET Core's default), so "extra" cases succeed.
/// </summary>
public sealed class BadInputTests(FwkTestDatabase database, ITestOutputHelper output) : IClassFixture<FwkTestDatabase>
{
    private const string Valid = """{"name":"Valid Name","email":"valid@example.com"}""";
    private const string Car = """{"name":"Beetle","model":"Type 1","doors":2}""";

    /// <summary>Method, path (<c>{id}</c>: an existing user), JSON body or null, expected status, expected code (0: a success).</summary>
    private static readonly (string Method, string Path, string? Body, HttpStatusCode Status, int Code)[] Cases =
    [
        ("GET", "/users?limit=abc", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?limit=1;DROP TABLE users", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?limit=1&limit=2", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?limit=0", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?limit=101", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?offset=-1", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?limit=99999999999999999999", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("GET", "/users?unknown=1", null, HttpStatusCode.OK, 0),
        ("GET", "/users/abc", null, HttpStatusCode.NotFound, ErrorCodes.NotFound),
        ("GET", "/users/99999999999", null, HttpStatusCode.NotFound, ErrorCodes.NotFound),
        ("GET", "/users/999999", null, HttpStatusCode.NotFound, 1101),
        ("POST", "/users", "{", HttpStatusCode.BadRequest, ErrorCodes.MalformedBody),
        ("POST", "/users", "[]", HttpStatusCode.BadRequest, ErrorCodes.MalformedBody),
        ("POST", "/users", """{"name":123,"email":"a@example.com"}""", HttpStatusCode.BadRequest, ErrorCodes.MalformedBody),
        ("POST", "/users", """{"name":"Only Name"}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("POST", "/users", """{"name":"","email":"not-an-email"}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("POST", "/users", $$"""{"name":"{{new string('x', 101)}}","email":"long@example.com"}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("POST", "/users", $$"""{"name":"Huge","email":"huge@example.com","pad":"{{new string('x', 2_000_000)}}"}""", HttpStatusCode.RequestEntityTooLarge, ErrorCodes.BodyTooLarge),
        ("POST", "/users", """{"name":"Extra","email":"extra@example.com","admin":true}""", HttpStatusCode.Created, 0),
        ("POST", "/users", Valid.Replace("valid@", "{taken}@", StringComparison.Ordinal), HttpStatusCode.Conflict, ErrorCodes.Conflict),
        ("PUT", "/users/{id}", """{"name":"No Email"}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("PUT", "/users/abc", Valid, HttpStatusCode.NotFound, ErrorCodes.NotFound),
        ("PUT", "/users/999999", Valid, HttpStatusCode.NotFound, 1101),
        ("PATCH", "/users/{id}", """{"email":"bad"}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("PATCH", "/users/{id}", "null", HttpStatusCode.BadRequest, ErrorCodes.MalformedBody),
        ("DELETE", "/users/abc", null, HttpStatusCode.NotFound, ErrorCodes.NotFound),
        ("DELETE", "/users/999999", null, HttpStatusCode.Unauthorized, Fwk.Accounts.AccountErrorCodes.Unauthenticated), // no token: refused before the handler
        ("GET", "/users/{id}/cars?limit=abc", null, HttpStatusCode.OK, 0), // the cars list takes no paging: an unknown key
        ("GET", "/users/abc/cars", null, HttpStatusCode.NotFound, ErrorCodes.NotFound),
        ("POST", "/users/{id}/cars", """{"name":"Beetle","model":"Type 1","doors":11}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("POST", "/users/{id}/cars", """{"name":"Beetle"}""", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("POST", "/users/{id}/cars", """{"name":"Beetle","model":"Type 1","doors":"two"}""", HttpStatusCode.BadRequest, ErrorCodes.MalformedBody),
        ("POST", "/users/999999/cars", Car, HttpStatusCode.NotFound, 1101),
        ("GET", "/audit?limit=abc", null, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed),
        ("PUT", "/", Valid, HttpStatusCode.MethodNotAllowed, ErrorCodes.MethodNotAllowed),
        ("GET", "/nowhere", null, HttpStatusCode.NotFound, ErrorCodes.NotFound),
    ];

    [Fact]
    public async Task EveryRoute_WithBadInput_AnswersItsErrorInTheEnvelopeAndNever2xx()
    {
        await using var app = await FwkTestApp.StartAsync<Program>(database);
        var user = await (await app.Client.PostAsync("/users", Json(Valid.Replace("valid@", "taken@", StringComparison.Ordinal)))).ReadSuccessAsync<Sample.Users.User>();
        var failures = new List<string>();
        foreach (var (method, template, body, status, code) in Cases)
        {
            var path = template.Replace("{id}", $"{user.Id}", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Json(body.Replace("{taken}", "taken", StringComparison.Ordinal)) };
            using var response = await app.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var answer = Answer(text);
            if (response.StatusCode != status || answer.Code != code || (code != 0) != answer.IsError || (code != 0 && response.IsSuccessStatusCode))
            {
                failures.Add($"{method} {path[..Math.Min(path.Length, 60)]}: expected {(int)status} {code}, got {(int)response.StatusCode} {answer.Code} {text[..Math.Min(text.Length, 200)]}");
            }
        }

        var errors = Cases.Count(c => c.Code != 0);
        output.WriteLine($"bad input: {Cases.Length} requests over {Cases.Select(c => c.Method + " " + RouteOf(c.Path)).Distinct().Count()} routes; "
            + $"{errors} errors expected, {Cases.Length - errors} successes (extra members/keys ignored); {failures.Count} wrong answers");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string RouteOf(string path) => path.Split('?')[0];

    // Every answer is an envelope: status "error" with an integer code and a message, or status "success".
    private static (bool IsError, int Code) Answer(string text)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "error")
        {
            return (false, 0);
        }

        // An error without a message counts as a wrong code.
        return (true, string.IsNullOrEmpty(root.GetProperty("message").GetString()) ? -1 : root.GetProperty("code").GetInt32());
    }
}
