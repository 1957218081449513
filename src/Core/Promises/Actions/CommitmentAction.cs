namespace Grastorp.Intake.Core.Promises.Actions;

/// <summary>
/// What staff did for a commitment, written to be published: the day, the municipality, a short summary
/// ("Trafikkontroll på Storgatan, 45 förare kontrollerade") and optional counts. Who recorded it stays inside.
/// </summary>
public sealed record CommitmentAction(
    string Id,
    string Commitment,
    DateOnly Date,
    string Municipality,
    string Summary,
    IReadOnlyList<ActionCount> Counts,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    /// <summary>When staff last corrected it; null if never.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>When what is published last changed: the feed entry's <c>updated</c>.</summary>
    public DateTimeOffset UpdatedAt => ChangedAt ?? RecordedAt;
}

/// <summary>One optional number of an action ("förare kontrollerade": 45); published under the small-count rule.</summary>
public sealed record ActionCount(string Label, int Value);
