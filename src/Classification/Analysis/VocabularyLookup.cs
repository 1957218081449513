using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis;

/// <summary>A compiled vocabulary: what an analysed token is to the lexicon and to the model. Immutable, thread-safe.</summary>
internal sealed class VocabularyLookup
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;
    private readonly FuzzyTermIndex _fuzzy;

    /// <summary>Vocabulary ids below this are the lexicon's own stems; the rest are the model's.</summary>
    private readonly int _lexiconStems;

    public VocabularyLookup(Dictionary<string, int> ids, int lexiconStems, FuzzyTermIndex fuzzy)
    {
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _lexiconStems = lexiconStems;
        _fuzzy = fuzzy;
    }

    /// <summary>Whether a vocabulary id is one of the lexicon's stems, not a stem only the model knows.</summary>
    public bool IsLexiconStem(int id) => id >= 0 && id < _lexiconStems;

    /// <summary>The vocabulary id of the exact stem (lexicon or model), or -1.</summary>
    public int Exact(ReadOnlySpan<char> stem) => _ids.TryGetValue(stem, out var id) ? id : -1;

    /// <summary>The lexicon's id of a word's stem, exact or one typo away, or -1; <paramref name="exact"/> is <see cref="Exact"/> of it.</summary>
    public int Word(ReadOnlySpan<char> stem, int exact) => IsLexiconStem(exact) ? exact : _fuzzy.Find(stem);

    /// <summary>A compound part as analysed: its stem matches exactly or not at all.</summary>
    public AnalysedPart Part(ReadOnlySpan<char> stem)
    {
        var exact = Exact(stem);
        return new AnalysedPart(IsLexiconStem(exact) ? exact : -1, exact, stem.ToString());
    }
}
