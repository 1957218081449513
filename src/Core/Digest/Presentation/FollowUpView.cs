namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>
/// "Att följa upp" as shown: per municipality, tips unread and tips left open, in all and per commitment; then the
/// places named in several recent tips (masked like every place in the digest; names left out of counts-only lists).
/// </summary>
public sealed record FollowUpView(
    string Heading,
    string Note,
    string UnreadLabel,
    string StaleLabel,
    IReadOnlyList<FollowUpTable> Tables,
    string PlacesHeading,
    string PlacesNote,
    IReadOnlyList<PlaceRow> Places,
    string? PlacesEmpty)
{
    /// <summary>"Nytt svar": the tips whose resident answered, each a link to its staff page; empty for a counts-only list.</summary>
    public IReadOnlyList<NewAnswerRow> NewAnswers { get; init; } = [];

    /// <summary>The line under "Nya svar": how many, and for a counts-only list where to see them (never the text).</summary>
    public string? NewAnswersNote { get; init; }
}

/// <summary>A tip with an unread answer from the resident: its reference and the link to its staff page.</summary>
public sealed record NewAnswerRow(string Reference, string Municipality, Uri Link);

/// <summary>One municipality's rows: "Alla tips" first, then each commitment.</summary>
public sealed record FollowUpTable(string Caption, IReadOnlyList<FollowUpRow> Rows);

public sealed record FollowUpRow(string Label, string Unread, string Stale, bool IsTotal);

/// <summary>A repeated place: its name (masked), municipality, how many tips, and their themes.</summary>
public sealed record PlaceRow(string Place, string Municipality, string Tips, string Themes);
