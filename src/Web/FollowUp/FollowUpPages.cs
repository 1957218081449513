using Grastorp.Intake.Core;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Grastorp.Intake.Core.Api;
using Grastorp.Intake.Core.FollowUp;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Rendering;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web.FollowUp;

/// <summary>The public follow-up in its three forms, all from one <see cref="FollowUpReport"/>: page, JSON and Atom.</summary>
public sealed class FollowUpPages(ComponentRenderer renderer, FollowUpService followUp, IOptions<SiteOptions> site)
{
    // Swedish stays readable (å, not \u00E5) for the websites and newsrooms that read it; <, > and & stay escaped.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<HtmlPage> PageAsync(Language language, CancellationToken cancellationToken)
    {
        var report = await followUp.BuildAsync(cancellationToken).ConfigureAwait(false);
        var html = await renderer.RenderAsync<FollowUpPage>(new Dictionary<string, object?>
        {
            [nameof(FollowUpPage.Report)] = report,
            [nameof(PageComponent.Language)] = language,
            [nameof(PageComponent.Site)] = Site,
        }).ConfigureAwait(false);
        return new HtmlPage(200, "<!DOCTYPE html>\n" + html, false);
    }

    public async Task<string> JsonAsync(CancellationToken cancellationToken) =>
        JsonSerializer.Serialize(FollowUpView.From(await followUp.BuildAsync(cancellationToken).ConfigureAwait(false)), Json);

    /// <summary>
    /// The feed, its absolute links on the configured address (<c>Site:BaseUrl</c>): a request's Host header is the
    /// client's to choose, and a feed reader or proxy cache would pass forged links on.
    /// </summary>
    public async Task<string> FeedAsync(CancellationToken cancellationToken) =>
        FollowUpFeed.Write(await followUp.BuildAsync(cancellationToken).ConfigureAwait(false), Site.Link("/"), $"{Site.Municipality} och {Site.Police}");

    private SiteOptions Site => site.Value;
}
