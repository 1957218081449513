using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Abuse.RateLimiting;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>What a host knows about an incoming submission before reading it: enough to refuse it cheaply.</summary>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="ContentLength">The Content-Length header; null for a chunked body.</param>
/// <param name="Body">The unread body.</param>
/// <param name="AcceptLanguage">The Accept-Language header: the language of the messages, unless a form's <c>lang</c> field says otherwise.</param>
public sealed record TipRequest(string? ContentType, long? ContentLength, Stream Body, string? AcceptLanguage = null)
{
    /// <summary>Where the browser says the post comes from (Origin, Sec-Fetch-Site) and the request's own Host.</summary>
    public RequestSource Source { get; init; } = new(null, null, null);

    /// <summary>
    /// The connection's remote address and the X-Forwarded-For header, for the rate limit only: hashed at once under a
    /// key that lives only in memory, never stored or logged; the header counts only behind the platform's front end.
    /// </summary>
    public ClientOrigin Client { get; init; }
}
