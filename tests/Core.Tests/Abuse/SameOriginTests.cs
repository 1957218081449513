using Grastorp.Intake.Core.Abuse;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>Only the site's own script may ask the check: browsers say so with Sec-Fetch-Site and Origin.</summary>
public sealed class SameOriginTests
{
    [Theory]
    [InlineData("https://tips.grastorp.se", "same-origin", "tips.grastorp.se", true)]
    [InlineData("http://127.0.0.1:7071", null, "127.0.0.1:7071", true)]
    [InlineData("https://TIPS.grastorp.se", null, "tips.grastorp.se", true)]
    [InlineData("https://evil.example", "cross-site", "tips.grastorp.se", false)]
    [InlineData("https://tips.grastorp.se", "same-site", "tips.grastorp.se", false)]
    [InlineData("https://evil.example", null, "tips.grastorp.se", false)]
    [InlineData("http://127.0.0.1:8080", null, "127.0.0.1:7071", false)]
    [InlineData(null, "same-origin", "tips.grastorp.se", true)] // the browser's word suffices
    [InlineData("https://tips.grastorp.se", "same-origin", "func-intake.azurewebsites.net", true)] // behind a proxy that rewrites Host
    [InlineData(null, null, "tips.grastorp.se", false)] // curl and other non-browsers are not the form's script
    [InlineData("null", null, "tips.grastorp.se", false)] // a sandboxed frame or a file:// page
    [InlineData("https://tips.grastorp.se", "none", "tips.grastorp.se", false)] // typed in the address bar: not a script
    public void Holds_only_for_the_sites_own_pages(string? origin, string? fetchSite, string? host, bool holds) =>
        Assert.Equal(holds, SameOrigin.Holds(origin, fetchSite, host));
}
