namespace Grastorp.Intake.Core.Themes;

/// <summary>One theme a tip was put in, how sure the classifier is, and the terms that decided it.</summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Confidence">Between 0 and 1.</param>
/// <param name="Matched">
/// The words and phrases of the tip's own text that point to this theme, in lower case, so a person can see why and a
/// page can highlight them (each occurs in the text, compared case-insensitively, once format characters such as a
/// zero-width joiner are dropped and the text is in Unicode form C, as the classifier reads it): never an internal
/// feature name.
/// </param>
public sealed record ThemeMatch(string Theme, double Confidence, IReadOnlyList<string> Matched)
{
    /// <summary>
    /// The lexicon's own terms behind <see cref="Matched"/> (base forms, as a promise's commitment names them: the tip's
    /// "gatlamporna" is the term "gatlampa"); empty when the classifier has no lexicon.
    /// </summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}
