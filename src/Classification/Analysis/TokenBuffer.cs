using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis;

/// <summary>
/// One tip's analysed tokens, kept per thread and reused from tip to tip so analysis allocates nothing per token.
/// Positions are whole words; compound parts hang off the position of their word.
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>Per position: the lexicon's id of the word (exact or one typo away), or -1.</summary>
    public List<int> Words { get; } = new(64);

    /// <summary>Per position: the vocabulary id of the exact stem (lexicon or model), or -1; for model bigrams.</summary>
    public List<int> Exact { get; } = new(64);

    /// <summary>Per position: the word's character n-grams when the model reads them (else null).</summary>
    public List<WordCharGrams?> WordCharGrams { get; } = new(64);

    /// <summary>Per position: where the word stands in the text (for explanations).</summary>
    public List<(int Start, int End)> Offsets { get; } = new(64);

    /// <summary>Compound parts: the word's position, the part's lexicon id (or -1) and exact vocabulary id (or -1).</summary>
    public List<(int Position, int Id, int Exact)> Parts { get; } = new(16);

    /// <summary>Per position, filled only when <see cref="KeepStems"/>: the stem as analysed (training).</summary>
    public List<string?> Stems { get; } = [];

    /// <summary>Per compound part, filled only when <see cref="KeepStems"/>.</summary>
    public List<string> PartStems { get; } = [];

    /// <summary>Per position: whether a negation stands just before it, or it lies in an away phrase.</summary>
    public List<bool> Cancelled { get; } = new(64);

    /// <summary>
    /// Per position: whether a negation stands just before it. The text layer reads only this: an away phrase is one
    /// theme's decoy ("misstänkt narkotikabrott" is no burglary), not a reason to hide the words from every theme.
    /// </summary>
    public List<bool> Negated { get; } = new(64);

    public List<(LexiconPattern Pattern, int Start, int End)> Occurrences { get; } = new(16);

    /// <summary>Model feature indices found in the tip (before sorting and de-duplication).</summary>
    public List<int> Features { get; } = new(64);

    /// <summary>The model's character n-gram features found in the tip, each once (see <see cref="ThemeModelCharGrams"/>).</summary>
    public List<int> CharGramFeatures { get; } = new(128);

    /// <summary>The value each of <see cref="CharGramFeatures"/> takes in this tip.</summary>
    public double CharGramValue { get; set; }

    /// <summary>The value each word and bigram feature takes in this tip (<see cref="ThemeFeatures.WordValue"/>).</summary>
    public double WordValue { get; set; } = 1;

    /// <summary>Every character n-gram bucket of the tip's words (scratch).</summary>
    public List<int> CharGrams { get; } = new(512);

    /// <summary>Surface token offsets from <see cref="PlainTextTokenizer"/> (scratch).</summary>
    public List<(int Start, int End)> Spans { get; } = new(64);

    /// <summary>Per surface token: its memo entry, or null when the memo lacks it (scratch).</summary>
    public List<AnalysedWord?> Analysed { get; } = new(64);

    /// <summary>Compound parts of the word being built from the Lucene chain (scratch).</summary>
    public List<AnalysedPart> PendingParts { get; } = new(4);

    public bool KeepStems { get; set; }

    /// <summary>
    /// Adds a word <paramref name="increment"/> positions after the last one: the chain leaves a gap where it drops a
    /// word (a stop word), and a gap must stay, so that a phrase or bigram never spans it.
    /// </summary>
    public void AddWord(int word, int exact, int start, int end, int increment, ReadOnlySpan<char> stem, WordCharGrams? charGrams = null)
    {
        for (var gap = 1; gap < increment; gap++)
        {
            Append(-1, -1, start, start, null, null);
        }

        Append(word, exact, start, end, KeepStems ? stem.ToString() : null, charGrams);
    }

    /// <summary>Whether a compound part is worth keeping: the model reads only parts it may know, training reads every stem.</summary>
    public bool KeepsPart(int exact) => exact >= 0 || KeepStems;

    /// <summary>Adds a compound part of the last word added.</summary>
    public void AddPart(AnalysedPart part)
    {
        Parts.Add((Words.Count - 1, part.Id, part.Exact));
        if (KeepStems)
        {
            PartStems.Add(part.Stem);
        }
    }

    public void Clear()
    {
        Words.Clear();
        Exact.Clear();
        WordCharGrams.Clear();
        Offsets.Clear();
        Parts.Clear();
        Stems.Clear();
        PartStems.Clear();
        Cancelled.Clear();
        Negated.Clear();
        Occurrences.Clear();
        Features.Clear();
        CharGramFeatures.Clear();
        CharGramValue = 0;
        WordValue = 1;
    }

    private void Append(int word, int exact, int start, int end, string? stem, WordCharGrams? charGrams)
    {
        Words.Add(word);
        Exact.Add(exact);
        WordCharGrams.Add(charGrams);
        Offsets.Add((start, end));
        if (KeepStems)
        {
            Stems.Add(stem);
        }
    }
}
