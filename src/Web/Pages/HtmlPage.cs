namespace Grastorp.Intake.Web.Pages;

/// <summary>A rendered page and how to send it.</summary>
/// <param name="StatusCode">200, or 400 for the form shown again with errors, 404 for an unknown status code, 429 over the rate limit.</param>
/// <param name="Html">The whole document.</param>
/// <param name="ShowsResidentText">True when the page holds what a resident wrote or their code: no cache may keep it.</param>
public sealed record HtmlPage(int StatusCode, string Html, bool ShowsResidentText)
{
    /// <summary>Sent as Retry-After when set (the rate limit's page).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
