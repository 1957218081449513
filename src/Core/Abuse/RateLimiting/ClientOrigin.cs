namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Where a request comes from, as the rate limits take it: the connection's remote address and the X-Forwarded-For
/// header (trusted only behind the platform's front end, <see cref="ClientAddress"/>). Hashed at once, never stored or logged.
/// </summary>
public readonly record struct ClientOrigin(string? RemoteAddress, string? ForwardedFor);
