using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Classification.Analysis.Text;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>
/// Puts a tip in every theme whose lexicon words it uses enough of, after Swedish (and, for English-looking tips and
/// tips the Swedish lexicon places nowhere, English) analysis with Lucene.Net: stems, folded diacritics, compound
/// parts, one-letter typos, negation and away phrases.
/// With a <see cref="ThemeModel"/>, a learned linear layer over the same analysed words and the lexicon's evidence
/// adds themes the lexicon misses and can veto weak lexicon hits (see <see cref="ThemeModelTheme"/>); a model with a text
/// layer (<see cref="ThemeModelText"/>) then lets a TF-IDF layer over the tip's own words add a theme it is sure of.
/// The words found are returned with each theme, so the kommunpolis can see why a tip landed where it did: the tip's
/// own words behind the lexicon terms, then those the model weighed most, all as the tip writes them (lower case), so
/// a page can highlight them; the lexicon's base forms go in <see cref="ThemeMatch.Terms"/>.
/// </summary>
public sealed partial class LexiconTipClassifier : ITipClassifier
{
    [ThreadStatic]
    private static TokenBuffer? t_swedishBuffer;

    [ThreadStatic]
    private static TokenBuffer? t_englishBuffer;

    private readonly CompiledLexicon? _swedish;
    private readonly CompiledLexicon? _english;
    private readonly string[] _themeIds;
    private readonly double[] _thresholds;
    private readonly CompiledText? _text;

    /// <param name="lexicons">Validated lexicons, at most one per language (merge additions first).</param>
    /// <param name="model">A validated learned layer over the Swedish analysis, or null for the lexicon alone.</param>
    /// <param name="modelSource">Names the model in errors.</param>
    /// <param name="swedishWords">
    /// The Swedish spelling dictionary: a tip's word found in it is taken as written, never as a one-letter typo of a
    /// lexicon word (see <see cref="WordList"/>); or null.
    /// </param>
    /// <exception cref="LexiconException">The model names a theme no lexicon has.</exception>
    public LexiconTipClassifier(
        IEnumerable<LexiconDocument> lexicons, ThemeModel? model = null, string modelSource = "model", WordList? swedishWords = null)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        var documents = lexicons.ToList();
        if (documents.GroupBy(d => d.Language).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Give one lexicon per language; merge a municipality's additions into it first.", nameof(lexicons));
        }

        var (order, thresholds) = LexiconThemeOrder.Of(documents);
        _themeIds = [.. order];
        _thresholds = [.. order.Select(id => thresholds[id])];
        Themes = [.. order, Theme.Other];
        var index = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        if (model is not null && !documents.Any(d => d.Language == LexiconLanguage.Swedish))
        {
            throw new LexiconException($"Theme model '{modelSource}' is invalid: it reads the Swedish analysis, and no Swedish lexicon is configured");
        }

        _text = model?.Text is { } text ? CompiledText.Compile(text, modelSource, index) : null;
        var englishLexicon = documents.FirstOrDefault(d => d.Language == LexiconLanguage.English);
        foreach (var document in documents)
        {
            var compiled = document.Language == LexiconLanguage.Swedish
                ? LexiconCompiler.Compile(document, index, model, modelSource, swedishWords, englishLexicon)
                : LexiconCompiler.Compile(document, index);
            if (document.Language == LexiconLanguage.Swedish)
            {
                _swedish = compiled;
            }
            else
            {
                _english = compiled;
            }
        }
    }

    public IReadOnlyList<string> Themes { get; }

    /// <summary>Whether a learned layer takes part.</summary>
    public bool HasModel => _swedish?.Model is not null;

    public TipClassification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = TipTextNormaliser.Normalise(text);
        var scores = new ThemeScores(_themeIds.Length);
        var swedish = t_swedishBuffer ??= new TokenBuffer();

        var looksEnglish = MatchSwedish(text, scores, swedish);
        if (RunsEnglish(looksEnglish, scores))
        {
            _english.Match(text, scores, t_englishBuffer ??= new TokenBuffer(), looksEnglish);
        }

        Span<double> probabilities = stackalloc double[_themeIds.Length];
        var other = ModelProbabilities(swedish, text, scores, probabilities);
        Span<bool> lexicon = stackalloc bool[_themeIds.Length];
        Span<bool> decided = stackalloc bool[_themeIds.Length];
        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            lexicon[theme] = scores.Score(theme) >= _thresholds[theme];
        }

        var model = _swedish?.Model;
        DecisionRule.DecideAll(
            lexicon,
            probabilities,
            model?.Threshold ?? [],
            model?.Veto ?? [],
            model?.Other is { } rule ? (other, rule.Margin, rule.Rescue) : null,
            decided);
        Span<double> textProbabilities = stackalloc double[_themeIds.Length];
        Span<bool> added = stackalloc bool[_themeIds.Length];
        textProbabilities.Fill(double.NaN);
        added.Clear();
        if (_text is not null)
        {
            var otherText = _text.Probabilities(text, swedish, textProbabilities);
            DecisionRule.ApplyText(lexicon, textProbabilities, otherText, other, _text.Settings.Keep, _text.Settings.Add, decided, added);
        }

        List<ThemeMatch>? matches = null;
        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            if (decided[theme])
            {
                var match = Match(theme, text, looksEnglish, scores, swedish, lexicon[theme], probabilities[theme], textProbabilities[theme], added[theme]);
                (matches ??= []).Add(match);
            }
        }

        if (matches is null)
        {
            return TipClassification.Unmatched;
        }

        DecisionRule.SortByConfidence(matches);
        return new TipClassification(matches);
    }

    /// <summary>
    /// The learned layer's probability per theme (NaN where it has no decision, or everywhere without a model); returns
    /// the learned <c>other</c> class's probability (NaN without one).
    /// </summary>
    private double ModelProbabilities(TokenBuffer swedish, string text, ThemeScores scores, Span<double> probabilities)
    {
        if (_swedish?.Model is not { } model)
        {
            probabilities.Fill(double.NaN);
            return double.NaN;
        }

        _swedish.CollectFeatures(swedish, text);
        var features = CollectionsMarshal.AsSpan(swedish.Features);
        return model.Probabilities(
            features[..DistinctValues.SortDistinct(features)], swedish.WordValue, CollectionsMarshal.AsSpan(swedish.CharGramFeatures), swedish.CharGramValue, scores, _thresholds, probabilities);
    }

    /// <summary>
    /// The tip's match for a theme the rule gave; <paramref name="probability"/> is the first layer's, or NaN, and
    /// <paramref name="textProbability"/> the text layer's, or NaN. A theme the text layer <paramref name="added"/> takes
    /// its confidence from the text layer and is explained by the words that weighed most in it.
    /// </summary>
    private ThemeMatch Match(
        int theme, string text, bool looksEnglish, ThemeScores scores, TokenBuffer swedish, bool lexicon, double probability, double textProbability, bool added)
    {
        var confidence = lexicon ? DecisionRule.LexiconConfidence(scores.Score(theme), _thresholds[theme]) : 0;
        IReadOnlyList<string> matched = scores.Matched(theme);
        var terms = scores.Terms(theme);
        var learnedProbability = added ? textProbability : probability;
        if (double.IsNaN(learnedProbability))
        {
            return new ThemeMatch(_themeIds[theme], Math.Round(confidence, 3), matched) { Terms = terms };
        }

        confidence = DecisionRule.Combined(confidence, learnedProbability);
        var learned = added
            ? LearnedExplanation.TextWords(_text!, swedish, text, looksEnglish, theme)
            : LearnedExplanation.Words(_swedish!, swedish, text, looksEnglish, theme);
        if (learned.Count > 0)
        {
            matched = [.. matched.Union(learned, StringComparer.Ordinal)];
        }

        return new ThemeMatch(_themeIds[theme], Math.Round(confidence, 3), matched) { Terms = terms };
    }

    /// <summary>
    /// The Swedish pass, the same for classifying and for training: it runs on every tip (English tips often carry Swedish
    /// words too: knark, inbrott, place names) and, in a tip that looks English, hears English negations as well, since
    /// its words are what both learned layers read. Returns whether the tip looks English.
    /// </summary>
    private bool MatchSwedish(string text, ThemeScores scores, TokenBuffer buffer)
    {
        var looksEnglish = EnglishTextDetector.LooksEnglish(text);
        _swedish?.Match(text, scores, buffer, looksEnglish);
        return looksEnglish;
    }

    /// <summary>
    /// Whether the English lexicon runs after the Swedish pass: on English-looking tips, and on every tip the Swedish
    /// lexicon found no theme in, since a short English tip ("Bike stolen from garage") has too few function words to
    /// look English. A tip the Swedish lexicon already places is left to it, so Swedish results stay as they were.
    /// </summary>
    [MemberNotNullWhen(true, nameof(_english))]
    private bool RunsEnglish(bool looksEnglish, ThemeScores scores)
    {
        if (_english is null)
        {
            return false;
        }

        if (_swedish is null || looksEnglish)
        {
            return true;
        }

        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            if (scores.Score(theme) >= _thresholds[theme])
            {
                return false;
            }
        }

        return true;
    }
}
