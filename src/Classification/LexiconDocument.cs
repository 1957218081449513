using System.Text.Json.Serialization;

namespace Grastorp.Intake.Classification;

/// <summary>
/// A lexicon file as written: the vocabulary of one language, kept as data so that a municipality can add a theme
/// (for example <c>miljo</c>) or words without a code change. See <c>Themes/Lexicons/README.md</c> for the format.
/// </summary>
public sealed record LexiconDocument
{
    /// <summary>The analysis language: <c>sv</c> or <c>en</c> (see <see cref="Analysis.LexiconLanguage"/>).</summary>
    public string Language { get; init; } = "";

    /// <summary>
    /// Words matched as written (after folding), not stemmed: where the stemmer would merge a theme word with a common
    /// one ("förare" and "för" both stem to "for"; "hastighet" and "hästar" to "hast").
    /// </summary>
    public IReadOnlyList<string> Unstemmed { get; init; } = [];

    /// <summary>Words that cancel a theme word shortly after them ("det är inte droger").</summary>
    public IReadOnlyList<string> Negations { get; init; } = [];

    /// <summary>How many words before a theme word a negation may stand.</summary>
    public int NegationWindow { get; init; } = 2;

    /// <summary>
    /// Words a negation reaches across, up to <see cref="NegationReach"/> words before the theme word: "inga problem med
    /// knark", "aldrig sett någon langning". Any other word between them ends the negation ("ingen vet vem som säljer knark").
    /// </summary>
    public IReadOnlyList<string> NegationBridges { get; init; } = [];

    /// <summary>How many words before a theme word a negation may stand when only <see cref="NegationBridges"/> lie between.</summary>
    public int NegationReach { get; init; }

    /// <summary>Named context word lists that a term group can require, e.g. <c>driving</c> for alcohol at the wheel.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Cues { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<LexiconTheme> Themes { get; init; } = [];
}

/// <summary>One theme's words in one language.</summary>
public sealed record LexiconTheme
{
    public string Id { get; init; } = "";

    /// <summary>The summed weight of distinct matched terms from which the theme applies.</summary>
    public double Threshold { get; init; } = 1.0;

    public IReadOnlyList<LexiconTermGroup> Terms { get; init; } = [];

    /// <summary>Phrases that point away from the theme: theme words inside them do not count ("klippa gräset").</summary>
    public IReadOnlyList<string> Away { get; init; } = [];
}

/// <summary>Words (or phrases) sharing a weight and rules.</summary>
public sealed record LexiconTermGroup
{
    public double Weight { get; init; } = 1.0;

    /// <summary>The words also count as a part of a compound ("cykelstöld", "knarkhandel"). Single words only.</summary>
    public bool Compound { get; init; }

    /// <summary>A cue name: the words count only when one of that cue's words is in the same tip.</summary>
    public string? Requires { get; init; }

    [JsonRequired]
    public IReadOnlyList<string> Words { get; init; } = [];
}
