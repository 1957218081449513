using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Functions.Http;

/// <summary>
/// Where a request comes from, read in one place: the client as the rate limits take it (<see cref="ClientOrigin"/>)
/// and the site the browser says sent it (<see cref="RequestSource"/>).
/// </summary>
public static class RequestClient
{
    public static ClientOrigin Client(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers[ClientAddress.ForwardedForHeader].ToString());
    }

    public static RequestSource Source(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Headers.Origin, request.Headers["Sec-Fetch-Site"], request.Host.Value);
    }
}
