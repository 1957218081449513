using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Grastorp.Intake.Core.FollowUp;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Web.FollowUp;

/// <summary>
/// The follow-up as an Atom 1.0 feed for the municipality's website, Facebook page and local media: an entry per
/// recorded action, and one per commitment with its tips per month (counts through <see cref="SmallCountRule"/>,
/// as on the page). Ids are URNs that never change, so readers do not show an entry twice; each entry's
/// <c>updated</c> is when its own content last changed, so a poll does not make every entry look new.
/// </summary>
public static class FollowUpFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="site">The site's configured address (<c>Site:BaseUrl</c>), never the request's Host header.</param>
    public static string Write(FollowUpReport report, Uri site, string publisher)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(site);
        var page = new Uri(site, FollowUpPaths.Page(Language.Swedish));
        var items = new List<SyndicationItem>();
        foreach (var promise in report.Promises)
        {
            foreach (var commitment in promise.Commitments)
            {
                foreach (var action in commitment.Actions)
                {
                    var counts = string.Concat(action.Counts.Select(c => $" ({c.Label}: {c.Value.Text()})"));
                    var item = new SyndicationItem(
                        Xml($"{promise.MunicipalityName}: {action.Summary}"),
                        Xml($"{action.Date:yyyy-MM-dd}: {action.Summary}{counts}. Löfte: {commitment.Text}"),
                        page,
                        $"urn:grastorp-intake:action:{commitment.Key}:{action.Id}",
                        action.UpdatedAt)
                    {
                        PublishDate = action.RecordedAt,
                    };
                    items.Add(item);
                }

                var changed = commitment.Actions.Select(a => a.UpdatedAt).Append(report.CountsAsOf).Max();
                items.Add(new SyndicationItem(
                    Xml($"{promise.MunicipalityName}, läget: {commitment.Text}"),
                    Xml(Summary(report, commitment)),
                    page,
                    $"urn:grastorp-intake:commitment:{commitment.Key}",
                    changed));
            }
        }

        var feed = new SyndicationFeed(
            FollowUpText.Get("Title", Language.Swedish),
            FollowUpText.Get("Intro", Language.Swedish),
            page,
            "urn:grastorp-intake:uppfoljning",
            items.Select(i => i.LastUpdatedTime).Append(report.CountsAsOf).Max())
        {
            Language = "sv",
            Items = items,
        };
        feed.Authors.Add(new SyndicationPerson { Name = Xml(publisher) });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(site, FollowUpPaths.Feed), "application/atom+xml"));

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        // StringBuilder output declares utf-16; the body is sent as UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Only characters XML 1.0 can carry: one control character in a stored summary made the writer throw and the
    /// whole feed answer 500. Core cleans what it publishes; this keeps the feed standing whatever reaches it.
    /// </summary>
    private static string Xml(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    private static string Summary(FollowUpReport report, CommitmentFollowUp commitment)
    {
        var parts = new List<string> { $"Lovat av: {PromisedBy.NameOf(commitment.PromisedBy)}." };
        if (commitment.LinksTips)
        {
            parts.Add("Tips per månad: " + string.Join("; ", report.Months.Zip(commitment.Months, (m, n) => $"{FollowUpText.MonthName(m, Language.Swedish)}: {n.Text()}"))
                + $"; totalt: {commitment.Total.Text()}.");
        }

        parts.Add(commitment.LastUpdate is { } last ? $"Senaste åtgärd {last:yyyy-MM-dd}." : "Ingen åtgärd registrerad ännu.");
        if (commitment.Quiet)
        {
            parts.Add(FollowUpText.Get("Quiet", Language.Swedish, FollowUpService.QuietDays));
        }

        return string.Join(" ", parts);
    }
}
