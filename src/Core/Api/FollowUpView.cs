using System.Globalization;
using System.Text.Json.Serialization;
using Grastorp.Intake.Core.FollowUp;

namespace Grastorp.Intake.Core.Api;

/// <summary>
/// What <c>GET /api/followup</c> answers: the same report as the page and the feed, counts already through
/// <see cref="SmallCountRule"/> (a hidden count has <c>count: null</c> and says why in <c>shown</c>). No tip text,
/// place or contact is in the report, so none can be here.
/// </summary>
public sealed record FollowUpView(
    [property: JsonPropertyName("generatedAt")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("months")] IReadOnlyList<string> Months,
    [property: JsonPropertyName("quietAfterDays")] int QuietAfterDays,
    [property: JsonPropertyName("promises")] IReadOnlyList<FollowUpView.PromiseView> Promises)
{
    public static FollowUpView From(FollowUpReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.GeneratedAt, report.Months, FollowUpService.QuietDays, [.. report.Promises.Select(p => new PromiseView(
            p.Id, p.Year, p.Municipality, p.MunicipalityName, p.Title, p.Source, p.IsExample,
            [.. p.Commitments.Select(c => new CommitmentView(
                c.Id, c.Key, c.PromisedBy, c.Text, c.LinksTips,
                c.LinksTips ? [.. report.Months.Zip(c.Months, (m, n) => new MonthView(m, CountView.From(n)))] : [],
                c.LinksTips ? CountView.From(c.Total) : null,
                [.. c.Actions.Select(a => new ActionView(Day(a.Date), a.Summary, [.. a.Counts.Select(n => new ActionCountView(n.Label, CountView.From(n.Value)))]))],
                c.LastUpdate is { } last ? Day(last) : null,
                c.Quiet))]))]);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed record PromiseView(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("municipality")] string Municipality,
        [property: JsonPropertyName("municipalityName")] string MunicipalityName,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("example")] bool Example,
        [property: JsonPropertyName("commitments")] IReadOnlyList<CommitmentView> Commitments);

    public sealed record CommitmentView(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("promisedBy")] string PromisedBy,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("linksTips")] bool LinksTips,
        [property: JsonPropertyName("tipsPerMonth")] IReadOnlyList<MonthView> TipsPerMonth,
        [property: JsonPropertyName("tipsTotal")] CountView? TipsTotal,
        [property: JsonPropertyName("actions")] IReadOnlyList<ActionView> Actions,
        [property: JsonPropertyName("lastUpdate")] string? LastUpdate,
        [property: JsonPropertyName("quiet")] bool Quiet);

    public sealed record MonthView(
        [property: JsonPropertyName("month")] string Month,
        [property: JsonPropertyName("tips")] CountView Tips);

    public sealed record ActionView(
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("summary")] string Summary,
        [property: JsonPropertyName("counts")] IReadOnlyList<ActionCountView> Counts);

    public sealed record ActionCountView(
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("value")] CountView Value);

    /// <param name="Count">The number, or null when it may not be published.</param>
    /// <param name="Shown"><c>number</c>, <c>fewerThan3</c> or <c>withheld</c> (would reveal a small count by subtraction).</param>
    /// <param name="Text">What the page shows, in Swedish.</param>
    public sealed record CountView(
        [property: JsonPropertyName("count")] int? Count,
        [property: JsonPropertyName("shown")] string Shown,
        [property: JsonPropertyName("text")] string Text)
    {
        public static CountView From(PublicCount count) => new(
            count.Value,
            count.Kind switch { PublicCountKind.Shown => "number", PublicCountKind.FewerThanThree => "fewerThan3", _ => "withheld" },
            count.Text());
    }
}
