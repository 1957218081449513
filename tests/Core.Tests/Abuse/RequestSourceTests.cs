using Grastorp.Intake.Core.Abuse;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>The one same-origin rule: browsers say where a request comes from with Sec-Fetch-Site and Origin.</summary>
public sealed class RequestSourceTests
{
    [Theory]
    [InlineData("https://tips.grastorp.se", "same-origin", "tips.grastorp.se", true)]
    [InlineData("http://127.0.0.1:7071", null, "127.0.0.1:7071", true)]
    [InlineData("https://TIPS.grastorp.se", null, "tips.grastorp.se", true)]
    [InlineData("https://evil.example", "cross-site", "tips.grastorp.se", false)]
    [InlineData("https://tips.grastorp.se", "same-site", "tips.grastorp.se", false)]
    [InlineData("https://tips.grastorp.se", "cross-site", "tips.grastorp.se", false)] // the browser's word beats an Origin
    [InlineData("https://evil.example", null, "tips.grastorp.se", false)]
    [InlineData("http://127.0.0.1:8080", null, "127.0.0.1:7071", false)]
    [InlineData(null, "same-origin", "tips.grastorp.se", true)] // the browser's word suffices
    [InlineData("https://tips.grastorp.se", "same-origin", "func-intake.azurewebsites.net", true)] // behind a proxy that rewrites Host
    [InlineData(null, null, "tips.grastorp.se", false)] // curl and other non-browsers are not the form's script
    [InlineData("null", null, "tips.grastorp.se", false)] // a sandboxed frame or a file:// page
    [InlineData("https://tips.grastorp.se", "none", "tips.grastorp.se", false)] // typed in the address bar: not a script
    [InlineData("https://tips.grastorp.se", "SAME-ORIGIN", "tips.grastorp.se", true)] // header values compared as the staff check did
    [InlineData("https://tips.grastorp.se", null, null, false)] // no Host to compare with
    public void Holds_only_for_the_sites_own_pages(string? origin, string? fetchSite, string? host, bool holds) =>
        Assert.Equal(holds, new RequestSource(origin, fetchSite, host).IsSameOrigin);

    [Theory]
    [InlineData(null, null, true)] // curl, a script: not a browser another site is using
    [InlineData("https://tips.grastorp.se", null, true)]
    [InlineData(null, "none", true)] // the person opened the form themselves
    [InlineData(null, "same-origin", true)]
    [InlineData("https://www.grastorp.se", "cross-site", true)] // the configured embedding site
    [InlineData("https://evil.example", "cross-site", false)]
    [InlineData("https://evil.example", null, false)]
    [InlineData(null, "same-site", false)]
    public void The_form_takes_posts_from_its_own_pages_the_person_non_browsers_and_configured_sites_only(string? origin, string? fetchSite, bool allowed)
    {
        var options = new FormOriginOptions();
        options.Allowed.Add("https://www.grastorp.se/");
        var policy = new CrossSiteFormPolicy(Microsoft.Extensions.Options.Options.Create(options));
        Assert.Equal(allowed, policy.Allows(new RequestSource(origin, fetchSite, "tips.grastorp.se")));
    }
}
