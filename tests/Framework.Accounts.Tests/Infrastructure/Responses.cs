using System.Net;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Infrastructure;

internal static class Responses
{
    /// <summary>The status and error code of an error envelope, to compare in one assertion.</summary>
    public static async Task<(HttpStatusCode Status, int Code)> StatusAndCodeAsync(this HttpResponseMessage response) =>
        (response.StatusCode, (await response.ReadErrorAsync()).Code);
}
