using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// The public follow-up's counts as published: tips per commitment and month from completed weeks only (every week
/// before <see cref="Until"/>), so a tip or a correction in the running week moves no public figure until the week
/// has ended and the snapshot is refreshed. One per deployment, replaced whole by each refresh.
/// </summary>
/// <param name="Until">The first week not counted: the week the snapshot was made in.</param>
/// <param name="Months">The months shown (first day of each), oldest first.</param>
/// <param name="Counts">Municipality id → per month (as <paramref name="Months"/>) commitment key → tips.</param>
public sealed record FollowUpSnapshot(
    WeekId Until,
    DateTimeOffset RefreshedAt,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, int>>> Counts);
