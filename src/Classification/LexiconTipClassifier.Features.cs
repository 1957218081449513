using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification;

/// <summary>Training: the learned layer's features for a text, as the <c>train</c> command reads them.</summary>
public sealed partial class LexiconTipClassifier
{
    /// <summary>The memo of words for the text layer shape training last asked for (see <see cref="TextGrams(string, ThemeModelText)"/>).</summary>
    private TextGrams? _textGrams;

    /// <summary>
    /// The features the learned layer reads for <paramref name="text"/>, by name (see <see cref="ThemeFeatures"/>),
    /// every word and bigram included, not only those a model knows: what the <c>train</c> command learns from.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="charGrams">Also the character n-gram buckets of its words, with these settings (null: none).</param>
    /// <param name="wordScale">How word and bigram features count (<see cref="ThemeModel.WordScale"/>; null: 1 each).</param>
    public IReadOnlyDictionary<string, double> Features(string text, ThemeModelCharGrams? charGrams = null, double? wordScale = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = TipTextNormaliser.Normalise(text);
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_swedish is null)
        {
            return features;
        }

        var scores = new ThemeScores(_themeIds.Length);
        var buffer = new TokenBuffer { KeepStems = true };
        var looksEnglish = MatchSwedish(text, scores, buffer);
        if (RunsEnglish(looksEnglish, scores))
        {
            _english.Match(text, scores, new TokenBuffer(), looksEnglish);
        }

        ModelFeatureCollector.CollectFeatureNames(buffer, features, text, charGrams, wordScale);
        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            var evidence = ThemeFeatures.LexiconEvidence(scores.Score(theme), _thresholds[theme]);
            if (evidence > 0)
            {
                features[ThemeFeatures.Lexicon(_themeIds[theme])] = evidence;
            }
        }

        return features;
    }

    /// <summary>
    /// The text layer's buckets for <paramref name="text"/> (see <see cref="ThemeModelText"/>), repeats included, in
    /// text order, negated words left out, as the classifier reads them: what the <c>train</c> command learns from.
    /// </summary>
    public int[] TextGrams(string text, ThemeModelText settings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        if (_swedish is null)
        {
            return [];
        }

        text = TipTextNormaliser.Normalise(text);
        var buffer = new TokenBuffer { KeepStems = true };
        MatchSwedish(text, new ThemeScores(_themeIds.Length), buffer);
        var grams = _textGrams;
        if (grams is null || !grams.Fits(settings))
        {
            // Racing threads may each make one; each uses its own, and they give the same buckets.
            _textGrams = grams = new TextGrams(settings);
        }

        var buckets = new List<int>();
        grams.Collect(text, buffer, buckets);
        return [.. buckets];
    }
}
