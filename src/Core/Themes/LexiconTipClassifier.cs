using Grastorp.Intake.Core.Themes.Analysis;

namespace Grastorp.Intake.Core.Themes;

/// <summary>
/// Puts a tip in every theme whose lexicon words it uses enough of, after Swedish (and, for English tips, English)
/// analysis with Lucene.Net: stems, folded diacritics, compound parts, one-letter typos, negation and away phrases.
/// The words found are returned with each theme, so the kommunpolis can see why a tip landed where it did.
/// </summary>
public sealed class LexiconTipClassifier : ITipClassifier
{
    /// <summary>Confidence is capped below 1: a word list is never certain.</summary>
    private const double MaxConfidence = 0.99;

    private readonly CompiledLexicon? _swedish;
    private readonly CompiledLexicon? _english;
    private readonly string[] _themeIds;
    private readonly double[] _thresholds;

    /// <param name="lexicons">Validated lexicons, at most one per language (merge additions first).</param>
    public LexiconTipClassifier(IEnumerable<LexiconDocument> lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        var documents = lexicons.ToList();
        if (documents.GroupBy(d => d.Language).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Give one lexicon per language; merge a municipality's additions into it first.", nameof(lexicons));
        }

        var order = new List<string>();
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var theme in documents.SelectMany(d => d.Themes))
        {
            if (!thresholds.ContainsKey(theme.Id))
            {
                order.Add(theme.Id);
            }

            // A theme in two languages keeps the lower threshold: one lexicon's words should be enough.
            thresholds[theme.Id] = thresholds.TryGetValue(theme.Id, out var t) ? Math.Min(t, theme.Threshold) : theme.Threshold;
        }

        _themeIds = [.. order];
        _thresholds = [.. order.Select(id => thresholds[id])];
        Themes = [.. order, Theme.Other];
        var index = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var compiled = CompiledLexicon.Compile(document, index);
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

    /// <summary>The built-in Swedish and English lexicons, no additions.</summary>
    public static LexiconTipClassifier CreateDefault() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn));

    public TipClassification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new ThemeScores(_themeIds.Length);

        // Swedish runs on every tip: English tips often carry Swedish words too (knark, inbrott, place names).
        _swedish?.Match(text, scores);
        if (_english is not null && (_swedish is null || EnglishTextDetector.LooksEnglish(text)))
        {
            _english.Match(text, scores);
        }

        List<ThemeMatch>? matches = null;
        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            var score = scores.Score(theme);
            if (score >= _thresholds[theme])
            {
                // Half-way to certain at the threshold, three quarters at twice the threshold, and so on.
                var confidence = Math.Min(MaxConfidence, 1 - Math.Pow(0.5, score / _thresholds[theme]));
                (matches ??= []).Add(new ThemeMatch(_themeIds[theme], Math.Round(confidence, 3), scores.Matched(theme)));
            }
        }

        if (matches is null)
        {
            return TipClassification.Unmatched;
        }

        // Strongest first; on a tie, the lexicon's theme order decides, so the primary theme is stable.
        return new TipClassification([.. matches.OrderByDescending(m => m.Confidence)]);
    }
}
