using System.Net;

namespace Grastorp.Intake.DevHost.Resilience;

/// <summary>
/// Turns "no answer from storage" (connection refused or reset, an answer cut off mid-body) into the 503 storage
/// gives when it is overloaded, below the Azure SDK's pipeline. The WebJobs queue listener backs off and keeps polling
/// on a 5xx, but a transport failure escapes its poll loop, and that loop never runs again; with this, an outage
/// looks like a busy server and the listener resumes when storage returns.
/// </summary>
internal sealed class UnreachableAsUnavailableHandler : DelegatingHandler
{
    public UnreachableAsUnavailableHandler()
        : base(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Read the whole answer here, so a connection cut mid-body is seen here and not by the client's parser.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                ReasonPhrase = "Storage unreachable",
                Content = new ByteArrayContent([]),
            };
        }
    }
}
