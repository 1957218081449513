namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// The public follow-up of every promise in use: what the page, <c>GET /api/followup</c> and the Atom feed show.
/// Counts only, already through <see cref="SmallCountRule"/>; nothing a resident wrote is in it.
/// </summary>
public sealed record FollowUpReport(DateTimeOffset GeneratedAt, IReadOnlyList<string> Months, IReadOnlyList<PromiseFollowUp> Promises)
{
    /// <summary>
    /// The end of the last period the counts take in (Monday 00:00 Swedish time): the counts changed then and not
    /// since, so it is a commitment's feed entry's <c>updated</c> unless an action changed later.
    /// </summary>
    public DateTimeOffset CountsAsOf { get; init; } = GeneratedAt;

    /// <summary>The latest action recorded for any commitment, or null before the first.</summary>
    public DateTimeOffset? LastActionRecordedAt =>
        Promises.SelectMany(p => p.Commitments).SelectMany(c => c.Actions).Select(a => (DateTimeOffset?)a.RecordedAt).Max();
}

public sealed record PromiseFollowUp(
    string Id,
    int Year,
    string Municipality,
    string MunicipalityName,
    string Title,
    string Source,
    bool IsExample,
    IReadOnlyList<CommitmentFollowUp> Commitments);

/// <param name="Months">Tips counted under the commitment per month (the report's months, oldest first).</param>
/// <param name="Total">Those months together; withheld when a month is not shown, so no month can be worked out.</param>
/// <param name="LastUpdate">The day of the latest action, or null if none.</param>
/// <param name="Quiet">No action in the last <see cref="FollowUpService.QuietDays"/> days.</param>
public sealed record CommitmentFollowUp(
    string Key,
    string Id,
    string PromisedBy,
    string Text,
    bool LinksTips,
    IReadOnlyList<PublicCount> Months,
    PublicCount Total,
    IReadOnlyList<PublicAction> Actions,
    DateOnly? LastUpdate,
    bool Quiet);

/// <summary>An action as published: no name of who recorded it.</summary>
public sealed record PublicAction(string Id, DateOnly Date, string Summary, IReadOnlyList<(string Label, PublicCount Value)> Counts, DateTimeOffset RecordedAt)
{
    /// <summary>When what is published last changed (recorded, or corrected since): the feed entry's <c>updated</c>.</summary>
    public DateTimeOffset UpdatedAt { get; init; } = RecordedAt;
}
