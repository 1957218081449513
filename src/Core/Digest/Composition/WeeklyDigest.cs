using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Stats.EarlyWarning;

namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>What the kommunpolis reads on Monday: a week's counts per municipality and theme, and the tips themselves.</summary>
public sealed record WeeklyDigest(
    WeekId Week,
    DigestRecipientList Recipients,
    IReadOnlyList<string> Themes,
    IReadOnlyList<MunicipalityDigest> Municipalities,
    IReadOnlyList<ThemeTips> TipsByTheme)
{
    /// <summary>Every message of the week, tips, ideas and feedback alike (the counters' "all tips").</summary>
    public int TipCount => Municipalities.Sum(m => m.Tips.Count);

    /// <summary>The week's ideas and feedback (kinds <c>idea</c> and <c>feedback</c>), newest first.</summary>
    public IReadOnlyList<StoredTip> IdeasAndFeedback { get; init; } = [];

    /// <summary>
    /// Tips of the week before that were classified only after that week's digest was claimed (a queue backlog or
    /// retries over Monday morning): listed here so no tip misses the kommunpolis.
    /// </summary>
    public IReadOnlyList<StoredTip> LateTips { get; init; } = [];

    /// <summary>Tip messages that failed processing for good during the week: they are in no count above.</summary>
    public int PoisonedCount { get; init; }

    /// <summary>"Att följa upp" per municipality: unread and stale tips per commitment, and repeated places.</summary>
    public IReadOnlyList<FollowUpDigest> FollowUp { get; init; } = [];

    /// <summary>The moment the follow-up counts are taken at: the end of the digest week, Swedish time.</summary>
    public DateTimeOffset FollowUpAsOf { get; init; }

    /// <summary>"Värt en titt": themes with unusually many tips this week in a municipality covered (<see cref="EarlyWarningRule"/>).</summary>
    public IReadOnlyList<EarlyWarning> Warnings { get; init; } = [];
}
