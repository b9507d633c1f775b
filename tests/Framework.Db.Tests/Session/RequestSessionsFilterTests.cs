using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db.Tests.Sessions;

/// <summary>The filter that tells sessions their request is only added when a Saving handler can ask for it.</summary>
public sealed class RequestSessionsFilterTests
{
    [Fact]
    public void AppliesTo_WhenNoAppHandlesSaving_IsFalse() =>
        Assert.False(new RequestSessionsFilter().AppliesTo(Endpoint(new HookStore())));

    [Fact]
    public void AppliesTo_WhenAnAppHandlesSaving_IsTrue()
    {
        var hooks = new HookStore();
        hooks.Add(DbEvents.Saving, new HookHandler("audit", IsFramework: false, _ => ValueTask.CompletedTask));

        Assert.True(new RequestSessionsFilter().AppliesTo(Endpoint(hooks)));
    }

    private static RouteEndpointBuilder Endpoint(HookStore hooks)
    {
        hooks.Freeze();
        return new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0)
        {
            ApplicationServices = new ServiceCollection().AddSingleton(hooks).BuildServiceProvider(),
        };
    }
}
