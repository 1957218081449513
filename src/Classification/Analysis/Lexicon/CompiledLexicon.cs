using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>
/// One language's lexicon, compiled by <see cref="LexiconCompiler"/>, and the matching of a tip's text against it. The
/// text is analysed once with Lucene.Net (<see cref="VocabularyEncoder"/>); matching then works on vocabulary ids only
/// (<see cref="PatternMatcher"/>).
/// </summary>
internal sealed class CompiledLexicon
{
    private readonly VocabularyEncoder _tokeniser;
    private readonly PatternMatcher _matcher;
    private readonly VocabularyLookup _vocabulary;

    public CompiledLexicon(
        VocabularyEncoder tokeniser,
        PatternMatcher matcher,
        VocabularyLookup vocabulary,
        CompiledModel? model,
        IReadOnlyCollection<string> compoundParts,
        IReadOnlyCollection<string> unstemmed)
    {
        _tokeniser = tokeniser;
        _matcher = matcher;
        _vocabulary = vocabulary;
        Model = model;
        CompoundParts = compoundParts;
        Unstemmed = unstemmed;
    }

    /// <summary>The learned layer compiled against this lexicon's vocabulary, or null.</summary>
    public CompiledModel? Model { get; }

    /// <summary>The words looked for inside compounds (folded): with <see cref="Unstemmed"/>, rebuilds the full Lucene chain in tests.</summary>
    internal IReadOnlyCollection<string> CompoundParts { get; }

    /// <summary>The words the stemmer leaves alone (folded).</summary>
    internal IReadOnlyCollection<string> Unstemmed { get; }

    /// <summary>
    /// Adds what this lexicon finds in <paramref name="text"/> to <paramref name="scores"/>, leaving the analysed tokens
    /// in <paramref name="buffer"/> (cleared first) for the learned layer.
    /// </summary>
    /// <param name="looksEnglish">
    /// Whether the tip looks English (<see cref="EnglishTextDetector"/>): the Swedish lexicon then hears English negations too.
    /// </param>
    public void Match(string text, ThemeScores scores, TokenBuffer buffer, bool looksEnglish)
    {
        buffer.Clear();
        _tokeniser.Tokenise(text, buffer);
        _matcher.Match(text, buffer, scores, markCancelled: Model is not null || buffer.KeepStems, looksEnglish);
    }

    /// <summary>Collects the model's feature indices present in the analysed tip into <see cref="TokenBuffer.Features"/>.</summary>
    public void CollectFeatures(TokenBuffer buffer, string text)
    {
        if (Model is { } model)
        {
            ModelFeatureCollector.CollectFeatures(model, buffer, text);
        }
    }

    /// <summary>Whether a vocabulary id is one of the lexicon's own stems, not a stem only the model knows.</summary>
    public bool IsLexiconStem(int id) => _vocabulary.IsLexiconStem(id);
}
