using System.Net;

namespace Sample.Tests.OpenApi;

/// <summary>Records the status of each response a client receives (the generated client returns only the body).</summary>
internal sealed class StatusRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public List<HttpStatusCode> Statuses { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Statuses.Add(response.StatusCode);
        return response;
    }
}
