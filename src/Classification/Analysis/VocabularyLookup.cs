using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis;

/// <summary>A compiled vocabulary: what an analysed token is to the lexicon and to the model. Immutable, thread-safe.</summary>
internal sealed class VocabularyLookup
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;
    private readonly FuzzyTermIndex _fuzzy;
    private readonly WordList? _words;

    /// <summary>Vocabulary ids below this are the lexicon's own stems; the rest are the model's.</summary>
    private readonly int _lexiconStems;

    /// <param name="words">Real words, never read as a typo of a lexicon word; or null (every unknown stem may be a typo).</param>
    public VocabularyLookup(Dictionary<string, int> ids, int lexiconStems, FuzzyTermIndex fuzzy, WordList? words = null)
    {
        _words = words;
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _lexiconStems = lexiconStems;
        _fuzzy = fuzzy;
    }

    /// <summary>Whether a vocabulary id is one of the lexicon's stems, not a stem only the model knows.</summary>
    public bool IsLexiconStem(int id) => id >= 0 && id < _lexiconStems;

    /// <summary>The vocabulary id of the exact stem (lexicon or model), or -1.</summary>
    public int Exact(ReadOnlySpan<char> stem) => _ids.TryGetValue(stem, out var id) ? id : -1;

    /// <summary>
    /// The lexicon's id of a word's stem, exact or one typo away, or -1; <paramref name="exact"/> is <see cref="Exact"/>
    /// of it. A word the spelling dictionary knows (<paramref name="surface"/>, as the tip writes it) is read as a lexicon
    /// word one edit away only when the edit is in the stem's last two letters, an ending (<c>påkört</c> for
    /// <c>påkörd</c>, <c>motorcykeln</c> for <c>motorcykel</c>); a real word that differs earlier is another word and is
    /// taken as written (<c>anställd</c> is not <c>avställd</c>, <c>talet</c> not <c>tablet</c>, <c>markerade</c> not
    /// <c>parkerade</c>, <c>nykter</c> not <c>onykter</c>). A word the dictionary lacks is read as a typo as before.
    /// </summary>
    public int Word(ReadOnlySpan<char> stem, int exact, ReadOnlySpan<char> surface)
    {
        if (IsLexiconStem(exact))
        {
            return exact;
        }

        var near = _fuzzy.Find(stem);
        if (near < 0 || _words is null || EditInEnding(stem, _fuzzy.Stem(near)) || !_words.Contains(surface))
        {
            return near;
        }

        return -1;
    }

    /// <summary>Whether two stems one edit apart agree up to their last two letters (the shorter one's).</summary>
    internal static bool EditInEnding(ReadOnlySpan<char> stem, ReadOnlySpan<char> lexiconStem) =>
        stem.CommonPrefixLength(lexiconStem) >= Math.Min(stem.Length, lexiconStem.Length) - 2;

    /// <summary>A compound part as analysed: its stem matches exactly or not at all.</summary>
    public AnalysedPart Part(ReadOnlySpan<char> stem)
    {
        var exact = Exact(stem);
        return new AnalysedPart(IsLexiconStem(exact) ? exact : -1, exact, stem.ToString());
    }
}
