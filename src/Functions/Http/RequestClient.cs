using Grastorp.Intake.Core.Abuse.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Functions.Http;

/// <summary>Where a request comes from, as the rate limits take it: hashed at once in Core, never stored or logged.</summary>
public static class RequestClient
{
    /// <summary>The connection's remote address and the X-Forwarded-For header (trusted only on the platform, in Core).</summary>
    public static (string? RemoteAddress, string? ForwardedFor) Client(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers[ClientAddress.ForwardedForHeader].ToString());
    }
}
