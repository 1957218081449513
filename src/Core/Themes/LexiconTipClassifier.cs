using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Grastorp.Intake.Core.Themes.Analysis;

namespace Grastorp.Intake.Core.Themes;

/// <summary>
/// Puts a tip in every theme whose lexicon words it uses enough of, after Swedish (and, for English-looking tips and
/// tips the Swedish lexicon places nowhere, English) analysis with Lucene.Net: stems, folded diacritics, compound
/// parts, one-letter typos, negation and away phrases.
/// With a <see cref="ThemeModel"/>, a learned linear layer over the same analysed words and the lexicon's evidence
/// adds themes the lexicon misses and can veto weak lexicon hits (see <see cref="ThemeModelTheme"/>).
/// The words found are returned with each theme, so the kommunpolis can see why a tip landed where it did: lexicon
/// terms as the lexicon writes them, then the tip's own words the model weighed most, marked with a leading <c>~</c>.
/// </summary>
public sealed class LexiconTipClassifier : ITipClassifier
{
    /// <summary>Confidence is capped below 1: a word list is never certain.</summary>
    private const double MaxConfidence = 0.99;

    /// <summary>Marks a learned feature in <see cref="ThemeMatch.Matched"/>, as opposed to a lexicon term.</summary>
    public const string LearnedMarker = "~";

    /// <summary>At most this many learned features are shown per theme, strongest first.</summary>
    private const int LearnedShown = 3;

    /// <summary>Learned features lighter than this are not shown: they barely moved the decision.</summary>
    private const double LearnedShownMinWeight = 0.3;

    /// <summary>A shown word is cut to this length: an explanation is a pointer into the tip, not a copy of it.</summary>
    private const int LearnedWordMaxLength = 40;

    [ThreadStatic]
    private static TokenBuffer? t_swedishBuffer;

    [ThreadStatic]
    private static TokenBuffer? t_englishBuffer;

    [ThreadStatic]
    private static List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)>? t_learned;

    private readonly CompiledLexicon? _swedish;
    private readonly CompiledLexicon? _english;
    private readonly string[] _themeIds;
    private readonly double[] _thresholds;

    /// <param name="lexicons">Validated lexicons, at most one per language (merge additions first).</param>
    /// <param name="model">A validated learned layer over the Swedish analysis, or null for the lexicon alone.</param>
    /// <param name="modelSource">Names the model in errors.</param>
    /// <exception cref="LexiconException">The model names a theme no lexicon has.</exception>
    public LexiconTipClassifier(IEnumerable<LexiconDocument> lexicons, ThemeModel? model = null, string modelSource = "model")
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
        if (model is not null && !documents.Any(d => d.Language == LexiconLanguage.Swedish))
        {
            throw new LexiconException($"Theme model '{modelSource}' is invalid: it reads the Swedish analysis, and no Swedish lexicon is configured");
        }

        foreach (var document in documents)
        {
            var compiled = document.Language == LexiconLanguage.Swedish
                ? CompiledLexicon.Compile(document, index, model, modelSource)
                : CompiledLexicon.Compile(document, index);
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

    /// <summary>The built-in Swedish and English lexicons and the built-in model, no additions: what ships.</summary>
    public static LexiconTipClassifier CreateDefault() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadBuiltIn(), "built-in sv.model.json");

    /// <summary>The built-in lexicons without the learned layer (the baseline the model is trained on top of).</summary>
    public static LexiconTipClassifier CreateLexiconOnly() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn));

    /// <summary>
    /// The features the learned layer reads for <paramref name="text"/>, by name (see <see cref="ThemeFeatures"/>),
    /// every word and bigram included, not only those a model knows: what the <c>train</c> command learns from.
    /// </summary>
    public IReadOnlyDictionary<string, double> Features(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Normalise(text);
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_swedish is null)
        {
            return features;
        }

        var scores = new ThemeScores(_themeIds.Length);
        var buffer = new TokenBuffer { KeepStems = true };
        _swedish.Match(text, scores, buffer);
        if (RunsEnglish(text, scores))
        {
            _english.Match(text, scores, new TokenBuffer());
        }

        CompiledLexicon.CollectFeatureNames(buffer, features);
        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            var evidence = Math.Min(ThemeFeatures.MaxLexiconEvidence, scores.Score(theme) / _thresholds[theme]);
            if (evidence > 0)
            {
                features[ThemeFeatures.Lexicon(_themeIds[theme])] = evidence;
            }
        }

        return features;
    }

    public TipClassification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Normalise(text);
        var scores = new ThemeScores(_themeIds.Length);
        var swedish = t_swedishBuffer ??= new TokenBuffer();

        // Swedish runs on every tip: English tips often carry Swedish words too (knark, inbrott, place names).
        _swedish?.Match(text, scores, swedish);
        if (RunsEnglish(text, scores))
        {
            _english.Match(text, scores, t_englishBuffer ??= new TokenBuffer());
        }

        var model = _swedish?.Model;
        Span<double> probabilities = stackalloc double[_themeIds.Length];
        if (model is not null)
        {
            _swedish!.CollectFeatures(swedish);
            var features = CollectionsMarshal.AsSpan(swedish.Features);
            features.Sort();
            var distinct = features.IsEmpty ? 0 : 1;
            for (var i = 1; i < features.Length; i++)
            {
                if (features[i] != features[distinct - 1])
                {
                    features[distinct++] = features[i];
                }
            }

            model.Probabilities(features[..distinct], scores, _thresholds, probabilities);
        }
        else
        {
            probabilities.Fill(double.NaN);
        }

        List<ThemeMatch>? matches = null;
        for (var theme = 0; theme < _themeIds.Length; theme++)
        {
            var score = scores.Score(theme);
            var lexicon = score >= _thresholds[theme];

            // Half-way to certain at the threshold, three quarters at twice the threshold, and so on.
            var confidence = lexicon ? Math.Min(MaxConfidence, 1 - Math.Pow(0.5, score / _thresholds[theme])) : 0;
            var p = probabilities[theme];
            bool applies;
            if (double.IsNaN(p))
            {
                applies = lexicon;
            }
            else
            {
                applies = Decide(lexicon, p, model!.Threshold[theme], model.Veto[theme]);
                confidence = Math.Min(MaxConfidence, Math.Max(confidence, p));
            }

            if (applies)
            {
                var matched = scores.Matched(theme);
                if (!double.IsNaN(p))
                {
                    var learned = Learned(model!, swedish, text, theme);
                    if (learned.Count > 0)
                    {
                        matched = [.. matched, .. learned];
                    }
                }

                (matches ??= []).Add(new ThemeMatch(_themeIds[theme], Math.Round(confidence, 3), matched));
            }
        }

        if (matches is null)
        {
            return TipClassification.Unmatched;
        }

        // Strongest first; on a tie, the lexicon's theme order decides, so the primary theme is stable (insertion sort:
        // stable, and there are at most a handful of themes).
        for (var i = 1; i < matches.Count; i++)
        {
            var match = matches[i];
            var j = i - 1;
            for (; j >= 0 && matches[j].Confidence < match.Confidence; j--)
            {
                matches[j + 1] = matches[j];
            }

            matches[j + 1] = match;
        }

        return new TipClassification(matches);
    }

    /// <summary>
    /// The tip as the analysis reads it: format characters (zero-width space and joiner, soft hyphen, direction marks)
    /// dropped, since they split words without showing ("kn\u200Dark"), then composed to Unicode form C, since a
    /// decomposed "o\u0308" is not the "ö" the lexicons hold. Returns <paramref name="text"/> itself when it is already
    /// clean, as nearly every tip is.
    /// </summary>
    internal static string Normalise(string text)
    {
        var hasFormat = false;
        foreach (var c in text)
        {
            if (c >= '\u00AD' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                hasFormat = true;
                break;
            }
        }

        if (hasFormat)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c < '\u00AD' || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                {
                    builder.Append(c);
                }
            }

            text = builder.ToString();
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate (a cut-off emoji) cannot be normalised; the words around it are still worth reading.
            return text;
        }
    }

    /// <summary>
    /// Whether the English lexicon runs after the Swedish pass: on English-looking tips, and on every tip the Swedish
    /// lexicon found no theme in, since a short English tip ("Bike stolen from garage") has too few function words to
    /// look English. A tip the Swedish lexicon already places is left to it, so Swedish results stay as they were.
    /// </summary>
    [MemberNotNullWhen(true, nameof(_english))]
    private bool RunsEnglish(string text, ThemeScores scores)
    {
        if (_english is null)
        {
            return false;
        }

        if (_swedish is null || EnglishTextDetector.LooksEnglish(text))
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

    /// <summary>
    /// The combination rule, chosen on tuning data by the <c>train</c> command: the model alone is enough from
    /// <paramref name="threshold"/>; a lexicon hit stands unless the model is below <paramref name="veto"/>.
    /// </summary>
    public static bool Decide(bool lexicon, double probability, double threshold, double veto) =>
        probability >= threshold || (lexicon && probability >= veto);

    /// <summary>The tip's own words behind the strongest positive learned features of a theme, marked with <see cref="LearnedMarker"/>.</summary>
    /// <remarks>
    /// The strongest <see cref="LearnedShown"/> distinct features (on equal weight, the first in the tip), each shown once
    /// as the tip writes it, in lower case: a word alone, a bigram as its two words one space apart (a word already shown
    /// in its bigram is not repeated). Works on a per-thread scratch list: the shown strings are all it allocates.
    /// </remarks>
    private List<string> Learned(CompiledModel model, TokenBuffer buffer, string text, int theme)
    {
        var found = t_learned ??= new List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)>(16);
        found.Clear();
        var exact = buffer.Exact;
        for (var position = 0; position < exact.Count; position++)
        {
            var id = exact[position];
            if (id < 0 || buffer.Cancelled[position])
            {
                continue;
            }

            // A lexicon word is already shown as a lexicon term.
            if (model.FeatureOfId[id] is var feature and >= 0 && !_swedish!.IsLexiconStem(id))
            {
                Consider(found, model, theme, feature, buffer.Offsets[position], (-1, -1));
            }

            if (position > 0 && exact[position - 1] is var previous and >= 0 && !buffer.Cancelled[position - 1]
                && model.Bigrams.TryGetValue(CompiledModel.BigramKey(previous, id), out var bigram))
            {
                Consider(found, model, theme, bigram, buffer.Offsets[position - 1], buffer.Offsets[position]);
            }
        }

        var shown = new List<string>(Math.Min(LearnedShown, found.Count));
        for (var round = 0; round < LearnedShown && found.Count > 0; round++)
        {
            // The strongest left; strictly greater keeps the earliest of equal weights first (a stable sort's order).
            var best = 0;
            for (var i = 1; i < found.Count; i++)
            {
                if (found[i].Weight > found[best].Weight)
                {
                    best = i;
                }
            }

            var (_, _, start, end, secondStart, secondEnd) = found[best];
            found.RemoveAt(best);
            var first = Surface(text, start, end);
            if (secondStart < 0)
            {
                // A word already shown inside one of its bigrams adds nothing.
                if (!InShownBigram(shown, first))
                {
                    AddOnce(shown, LearnedMarker + first);
                }
            }
            else
            {
                // The two words as the tip writes them, one space apart: never what lies between them in the tip.
                AddOnce(shown, string.Concat(LearnedMarker, first, " ", Surface(text, secondStart, secondEnd)));
            }
        }

        return shown;
    }

    /// <summary>A word of the tip in lower case, at most <see cref="LearnedWordMaxLength"/> characters.</summary>
    private static string Surface(string text, int start, int end)
    {
        var length = Math.Min(end - start, LearnedWordMaxLength);
        return string.Create(length, (text, start), static (span, state) =>
            state.text.AsSpan(state.start, span.Length).ToLowerInvariant(span));
    }

    private static bool InShownBigram(List<string> shown, string word)
    {
        foreach (var s in shown)
        {
            if (IsPartOfBigram(s, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPartOfBigram(string shown, string word) =>
        shown.Length > LearnedMarker.Length + word.Length
        && shown.Contains(' ', StringComparison.Ordinal)
        && ((shown.AsSpan(LearnedMarker.Length).StartsWith(word, StringComparison.Ordinal) && shown[LearnedMarker.Length + word.Length] == ' ')
            || (shown.EndsWith(word, StringComparison.Ordinal) && shown[^(word.Length + 1)] == ' '));

    private static void AddOnce(List<string> shown, string word)
    {
        if (!shown.Contains(word, StringComparer.Ordinal))
        {
            shown.Add(word);
        }
    }

    private static void Consider(
        List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)> found,
        CompiledModel model,
        int theme,
        int feature,
        (int Start, int End) word,
        (int Start, int End) second)
    {
        var weight = model.Weights[(feature * model.ThemeCount) + theme];
        if (weight < LearnedShownMinWeight)
        {
            return;
        }

        foreach (var f in found)
        {
            if (f.Feature == feature)
            {
                return;
            }
        }

        found.Add((weight, feature, word.Start, word.End, second.Start, second.End));
    }
}
