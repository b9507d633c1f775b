using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Fwk;

/// <summary>Makes every GET endpoint answer HEAD too (the server sends the headers without the body).</summary>
internal static class HeadForGet
{
    public static void Add(EndpointBuilder endpoint)
    {
        for (var i = 0; i < endpoint.Metadata.Count; i++)
        {
            if (endpoint.Metadata[i] is HttpMethodMetadata methods && methods.HttpMethods.Contains("GET") && !methods.HttpMethods.Contains("HEAD"))
            {
                endpoint.Metadata[i] = new HttpMethodMetadata([.. methods.HttpMethods, "HEAD"], methods.AcceptCorsPreflight);
            }
        }
    }
}
