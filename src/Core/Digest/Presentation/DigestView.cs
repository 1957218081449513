namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>
/// The digest as it is shown, with every label in Swedish, every resident-written value cleaned by
/// <see cref="SafeText"/> and every link absolute. The plain-text part and the HTML part are both rendered from it,
/// so they cannot say different things. Values are not HTML-encoded here: the HTML renderer encodes them all.
/// </summary>
public sealed record DigestView(
    string Subject,
    string Heading,
    string Intro,
    string? PoisonedWarning,
    string CountsNote,
    IReadOnlyList<CountTable> Counts,
    IReadOnlyList<TipSection> Sections,
    Uri StaffList,
    string Footer)
{
    /// <summary>The language of every label, for <c>lang</c> attributes.</summary>
    public const string Language = "sv";

    /// <summary>Counts and links only: the sections list no tips, whatever the week held.</summary>
    public bool CountsOnly { get; init; }

    /// <summary>"Att följa upp", shown after the counts; null when the digest has none (no municipality covered).</summary>
    public FollowUpView? FollowUp { get; init; }

    /// <summary>"Värt en titt" at the top: one line per unusual rise ("Ovanligt många tips om … i Vara: 7 mot normalt 1–2 i veckan"); counts only, so every list gets them.</summary>
    public IReadOnlyList<string> WorthALook { get; init; } = [];

    /// <summary>The heading of <see cref="WorthALook"/>.</summary>
    public const string WorthALookHeading = "Värt en titt";
}

/// <summary>One municipality's counts (or all of them together) as rows of label, count, change and average.</summary>
public sealed record CountTable(string Caption, IReadOnlyList<CountRow> Rows);

/// <summary>A row of a <see cref="CountTable"/>; <see cref="IsTotal"/> marks the all-tips row.</summary>
public sealed record CountRow(string Label, string Count, string Change, string Average, bool IsTotal);

/// <summary>
/// A theme's tips, the ideas and feedback, or the late tips: a heading, the tips shown, and, when some are not shown,
/// <see cref="More"/> with one link per municipality the section's tips come from (the staff list shows one at a time).
/// </summary>
public sealed record TipSection(string Anchor, string Heading, string? Note, IReadOnlyList<TipView> Tips, string? More, IReadOnlyList<ListLink> Lists);

/// <summary>A link to one municipality's part of a section in the staff list, named by the municipality.</summary>
public sealed record ListLink(string Municipality, Uri Link);
