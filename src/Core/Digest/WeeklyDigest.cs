using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;

namespace Grastorp.Intake.Core.Digest;

/// <summary>What the kommunpolis reads on Monday: last week's counts per municipality and theme, and the tips themselves.</summary>
public sealed record WeeklyDigest(
    WeekId Week,
    DigestRecipientList Recipients,
    IReadOnlyList<string> Themes,
    IReadOnlyList<MunicipalityDigest> Municipalities,
    IReadOnlyList<ThemeTips> TipsByTheme)
{
    /// <summary>
    /// The same for every attempt at this week and list, so a sender that deduplicates (ACS's Operation-Id, a pickup
    /// file name) turns a retried send into the same message.
    /// </summary>
    public string OperationId => $"digest-{Week}-{Recipients.Id}";

    public int TipCount => Municipalities.Sum(m => m.Tips.Count);

    /// <summary>
    /// Tips of the week before that were classified only after that week's digest went out (a queue backlog or
    /// retries over Monday morning): listed here so no tip misses the kommunpolis.
    /// </summary>
    public IReadOnlyList<StoredTip> LateTips { get; init; } = [];
}
