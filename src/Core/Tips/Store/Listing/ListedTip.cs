namespace Grastorp.Intake.Core.Tips.Store.Listing;

/// <summary>
/// A tip as the kommunpolis reads it in the staff list: what the resident wrote, its themes with the terms that
/// decided each, and, if a colleague corrected the themes, the classifier's own themes beside the correction.
/// </summary>
public sealed record ListedTip(
    string Reference,
    string Kind,
    string Text,
    string? Place,
    DateTimeOffset? ObservedAt,
    string? Contact,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<ListedTheme> Themes)
{
    /// <summary>The classifier's themes when a person has corrected them; null when never corrected.</summary>
    public IReadOnlyList<string>? ClassifiedThemes { get; init; }

    public string? CorrectedBy { get; init; }

    public DateTimeOffset? CorrectedAt { get; init; }

    /// <summary>How far staff have taken it (<c>TipStage</c>); a row without a stage is just classified.</summary>
    public string Stage { get; init; } = Tips.TipStage.Classified;

    /// <summary>The public reply shown on the tip's status page, if any.</summary>
    public string? Reply { get; init; }

    /// <summary>The resident has answered in the conversation since staff last opened the tip ("Nytt svar").</summary>
    public bool NewAnswer { get; init; }

    /// <summary>"Hur vet du det här?" (<c>TipSource</c>), null when not said.</summary>
    public string? Source { get; init; }

    /// <summary>The resident asked for an e-mail to the contact when the kommunpolis writes (issue 32).</summary>
    public bool NotifyByEmail { get; init; }

    /// <summary>When retention removed the text, place and contact (null while they are kept).</summary>
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>The municipality's id (the partition's), so a row can name it.</summary>
    public string Municipality { get; init; } = string.Empty;

    /// <summary>Whether the resident was shown "Pågår det just nu? Ring 112" when sending it.</summary>
    public bool Emergency { get; init; }

    /// <summary>The promise commitments (keys) the tip is counted under.</summary>
    public IReadOnlyList<string> Commitments { get; init; } = [];
}

/// <summary>One theme of a listed tip and the terms in the text that decided it (none when a person added the theme).</summary>
public sealed record ListedTheme(string Theme, IReadOnlyList<string> Matched);
