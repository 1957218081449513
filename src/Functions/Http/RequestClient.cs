using Grastorp.Intake.Core.Abuse.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Functions.Http;

/// <summary>Where a request comes from, as the rate limits take it (<see cref="ClientOrigin"/>), read in one place.</summary>
public static class RequestClient
{
    public static ClientOrigin Client(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers[ClientAddress.ForwardedForHeader].ToString());
    }
}
