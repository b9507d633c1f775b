using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fwk;

/// <summary>
/// An endpoint filter of the framework level (e.g. the database helper's), added to the app routes it applies to. Asked
/// once per endpoint when the routes' request delegates are built (serving starts, hooks are frozen), so a route the
/// filter has nothing to do for pays nothing per request.
/// </summary>
internal interface IFrameworkEndpointFilter : IEndpointFilter
{
    /// <summary>Whether <paramref name="endpoint"/> (its metadata: HTTP methods, …) needs this filter.</summary>
    bool AppliesTo(EndpointBuilder endpoint);
}
