using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>The tip's own words behind the strongest positive learned features of a theme.</summary>
/// <remarks>
/// The strongest <see cref="Shown"/> distinct features (on equal weight, the first in the tip; never one made only of
/// <see cref="FunctionWords"/>), each shown once as the
/// tip writes it, in lower case: a word alone, a bigram as the stretch of text from its first word to its second (a
/// word already shown in its bigram is not repeated). Never a feature's name (a stem): every shown string occurs in the
/// tip, so a page can highlight it. Works on a per-thread scratch list: for the first layer the shown strings are all
/// it allocates (a theme the text layer added builds that layer's vector of the tip, which is rare).
/// </remarks>
internal static class LearnedExplanation
{
    /// <summary>At most this many learned features are shown per theme, strongest first.</summary>
    private const int Shown = 3;

    /// <summary>Learned features lighter than this are not shown: they barely moved the decision.</summary>
    private const double ShownMinWeight = 0.3;

    /// <summary>A shown word is cut to this length: an explanation is a pointer into the tip, not a copy of it.</summary>
    private const int WordMaxLength = 40;

    [ThreadStatic]
    private static List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)>? t_found;

    /// <param name="swedish">The lexicon whose model decided, and whose analysis is in <paramref name="buffer"/>.</param>
    /// <param name="buffer">The tip's Swedish analysis.</param>
    /// <param name="text">The tip as analysed.</param>
    /// <param name="looksEnglish">Whether the tip looks English (<see cref="EnglishTextDetector"/>), for <see cref="FunctionWords"/>.</param>
    /// <param name="theme">The classifier's theme index.</param>
    public static List<string> Words(CompiledLexicon swedish, TokenBuffer buffer, string text, bool looksEnglish, int theme)
    {
        var found = t_found ??= new(16);
        found.Clear();
        var tip = (text, looksEnglish);
        Find(found, swedish, buffer, tip, theme);
        return Strongest(found, tip);
    }

    /// <summary>
    /// For a theme the text layer added (<see cref="ThemeModelText"/>): the tip's words that weighed most in it, each
    /// word with its n-grams, as <see cref="CompiledText.WordWeight"/> gives them in the tip's vector; never a
    /// negated word (it shares n-grams with the words that were read, but was no reason).
    /// </summary>
    public static List<string> TextWords(CompiledText layer, TokenBuffer buffer, string text, bool looksEnglish, int theme)
    {
        var found = t_found ??= new(16);
        found.Clear();
        var tip = (text, looksEnglish);
        var vector = layer.Vector(text, buffer);
        foreach (var (_, word, start, end) in layer.Grams.Read(text, buffer))
        {
            var key = -1 - CharGramHasher.WordKey(text.AsSpan(start, end - start));
            Consider(found, tip, layer.WordWeight(vector, word, theme), key, (start, end), (-1, -1));
        }

        return Strongest(found, tip);
    }

    private static void Find(
        List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)> found,
        CompiledLexicon swedish,
        TokenBuffer buffer,
        (string Text, bool English) tip,
        int theme)
    {
        var model = swedish.Model!;
        foreach (var (position, id, word, bigram) in new ModelWordFeatures(model, buffer))
        {
            // A lexicon word is already shown as a lexicon term; with character n-grams, words are weighed below.
            if (word >= 0 && model.CharGrams is null && !swedish.IsLexiconStem(id))
            {
                Consider(found, tip, buffer.WordValue * Weight(model, word, theme), word, buffer.Offsets[position], (-1, -1));
            }

            if (bigram >= 0)
            {
                Consider(found, tip, buffer.WordValue * Weight(model, bigram, theme), bigram, buffer.Offsets[position - 1], buffer.Offsets[position]);
            }
        }

        if (model.CharGrams is not null)
        {
            FindCharGramWords(found, swedish, buffer, tip, theme);
        }
    }

    /// <summary>
    /// With character n-grams, each word of the tip (but the lexicon's own) is weighed whole: its word feature plus
    /// every n-gram bucket it gives (each once, at the tip's n-gram value), so an n-gram's weight is credited to the word it came from and a
    /// misspelled word the model knows only by its n-grams ("knarkk") is shown as the tip writes it. A word the model
    /// knows whole is shown only for its own weight, never for its n-grams unless that weight is for the theme.
    /// </summary>
    private static void FindCharGramWords(
        List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)> found,
        CompiledLexicon swedish,
        TokenBuffer buffer,
        (string Text, bool English) tip,
        int theme)
    {
        var text = tip.Text;
        var model = swedish.Model!;
        for (var position = 0; position < buffer.Offsets.Count; position++)
        {
            var span = ModelFeatureCollector.ReadsCharGrams(buffer, position);
            var id = buffer.Exact[position];
            if (span.IsEmpty || (id >= 0 && swedish.IsLexiconStem(id)))
            {
                continue;
            }

            var word = id >= 0 ? model.FeatureOfId[id] : -1;
            var charGramWeight = 0.0;
            foreach (var feature in ModelFeatureCollector.CharGramsAt(model, buffer, position, text).Features)
            {
                if (feature >= 0)
                {
                    charGramWeight += Weight(model, feature, theme);
                }
            }

            // A word the model knows whole speaks for itself: its n-grams are credited to it only when the word itself
            // counts for the theme. Otherwise a known word would be shown for letters it shares with another ("förra"
            // for the n-grams of "förråd"), both when the model learned that "förra" is no sign of a break-in and when
            // it kept no weight for it at all (L1 found the word itself no evidence for this theme).
            var wordWeight = word >= 0 ? buffer.WordValue * Weight(model, word, theme) : 0;
            var weight = word >= 0 && wordWeight <= 0 ? wordWeight : wordWeight + (buffer.CharGramValue * charGramWeight);

            // The same word twice is one reason: keyed by its word feature, or (unknown to the model) by its spelling.
            var key = word >= 0 ? word : -1 - CharGramHasher.WordKey(span.Span(text));
            Consider(found, tip, weight, key, (span.Start, span.End), (-1, -1));
        }
    }

    private static double Weight(CompiledModel model, int feature, int theme) => model.Weights[(feature * model.Stride) + theme];

    private static List<string> Strongest(
        List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)> found, (string Text, bool English) tip)
    {
        var text = tip.Text;
        var shown = new List<string>(Math.Min(Shown, found.Count));
        for (var round = 0; round < Shown && found.Count > 0; round++)
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
                    AddOnce(shown, first);
                }
            }
            else if (secondStart - end == 1 && text[end] == ' ')
            {
                // Two words one space apart: shown together, as the tip writes them.
                AddOnce(shown, Surface(text, start, secondEnd, 2 * WordMaxLength));
            }
            else
            {
                // Anything else between them (line breaks, emoji, punctuation) is not part of the reason: each word alone,
                // and alone a function word is no reason ("kväll, och": "kväll").
                if (!OnlyFunctionWords(tip, (start, end), (-1, -1)))
                {
                    AddOnce(shown, first);
                }

                if (!OnlyFunctionWords(tip, (secondStart, secondEnd), (-1, -1)))
                {
                    AddOnce(shown, Surface(text, secondStart, secondEnd));
                }
            }
        }

        return shown;
    }

    /// <summary>A stretch of the tip in lower case, at most <paramref name="maxLength"/> characters.</summary>
    private static string Surface(string text, int start, int end, int maxLength = WordMaxLength)
    {
        var length = Math.Min(end - start, maxLength);
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

    /// <summary>Whether <paramref name="shown"/> is a bigram's stretch that starts or ends with <paramref name="word"/>.</summary>
    private static bool IsPartOfBigram(string shown, string word) =>
        shown.Length > word.Length
        && ((shown.StartsWith(word, StringComparison.Ordinal) && !char.IsLetterOrDigit(shown[word.Length]))
            || (shown.EndsWith(word, StringComparison.Ordinal) && !char.IsLetterOrDigit(shown[^(word.Length + 1)])));

    private static void AddOnce(List<string> shown, string word)
    {
        if (!shown.Contains(word, StringComparer.Ordinal))
        {
            shown.Add(word);
        }
    }

    /// <summary>
    /// A reason made only of function words ("jag", "i vara", "men det") explains nothing to a reader, however much the
    /// model weighs it: the next strongest reason is shown instead (<see cref="FunctionWords"/>).
    /// </summary>
    private static bool OnlyFunctionWords((string Text, bool English) tip, (int Start, int End) word, (int Start, int End) second) =>
        FunctionWords.Contains(tip.Text.AsSpan(word.Start, word.End - word.Start), tip.English)
        && (second.Start < 0 || FunctionWords.Contains(tip.Text.AsSpan(second.Start, second.End - second.Start), tip.English));

    private static void Consider(
        List<(double Weight, int Feature, int Start, int End, int SecondStart, int SecondEnd)> found,
        (string Text, bool English) tip,
        double weight,
        int feature,
        (int Start, int End) word,
        (int Start, int End) second)
    {
        if (weight < ShownMinWeight || OnlyFunctionWords(tip, word, second))
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
