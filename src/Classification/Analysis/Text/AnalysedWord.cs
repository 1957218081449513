namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>A surface word after the lexicon's analysis: what <see cref="VocabularyEncoder"/> needs of it per occurrence.</summary>
/// <param name="Word">The lexicon's id of the stem, exact or one typo away, or -1.</param>
/// <param name="Exact">The vocabulary id of the exact stem (lexicon or model), or -1.</param>
/// <param name="Stem">The stem as analysed (folded, lower case, Snowball).</param>
/// <param name="Parts">The word's compound parts, in the order the analysis gives them.</param>
/// <param name="CharGrams">The word's character n-grams when the model reads them; else null.</param>
internal sealed record AnalysedWord(int Word, int Exact, string Stem, AnalysedPart[] Parts, WordCharGrams? CharGrams = null);
