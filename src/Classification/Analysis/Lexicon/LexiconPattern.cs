namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>One lexicon word or phrase after analysis: a sequence of vocabulary ids.</summary>
/// <param name="Ids">The stems' vocabulary ids, in order.</param>
/// <param name="Kind">Term, away phrase or cue.</param>
/// <param name="Target">The global theme index (term, away) or the cue index (cue).</param>
/// <param name="Weight">The term's weight.</param>
/// <param name="Compound">Whether a single-word term also counts as part of a compound.</param>
/// <param name="RequiredCue">The cue index the term needs in the same tip, or -1.</param>
/// <param name="Display">The word as the lexicon writes it: what the kommunpolis sees as the reason.</param>
internal sealed record LexiconPattern(
    int[] Ids, PatternKind Kind, int Target, double Weight, bool Compound, int RequiredCue, string Display);
