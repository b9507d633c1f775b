using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Fwk.Db.Tests.Idempotency;

/// <summary>Which app routes get the idempotency filter: only those a request with a key can reach.</summary>
public sealed class IdempotencyFilterTests
{
    [Theory]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    [InlineData("GET", false)]
    public void AppliesTo_FollowsTheRoutesMethods(string method, bool applies) =>
        Assert.Equal(applies, new IdempotencyFilter().AppliesTo(Endpoint(new HttpMethodMetadata([method]))));

    [Fact]
    public void AppliesTo_WhenTheRouteAcceptsAnyMethod_IsTrue() =>
        Assert.True(new IdempotencyFilter().AppliesTo(Endpoint()));

    private static RouteEndpointBuilder Endpoint(params object[] metadata)
    {
        var endpoint = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        foreach (var item in metadata)
        {
            endpoint.Metadata.Add(item);
        }

        return endpoint;
    }
}
