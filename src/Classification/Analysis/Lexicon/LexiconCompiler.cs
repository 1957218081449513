using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>Turns a validated lexicon (and, for Swedish, the learned model) into a <see cref="CompiledLexicon"/>.</summary>
internal static class LexiconCompiler
{
    /// <summary>Compiles a validated lexicon. <paramref name="themeIndex"/> maps theme ids to the classifier's theme order.</summary>
    /// <param name="lexicon">A validated lexicon.</param>
    /// <param name="themeIndex">The classifier's theme order.</param>
    /// <param name="model">A validated model whose stems join the vocabulary, or null.</param>
    /// <param name="modelSource">Names the model in errors.</param>
    /// <param name="words">The spelling dictionary of the lexicon's language (its words are never read as typos), or null.</param>
    /// <param name="englishLexicon">
    /// For the Swedish lexicon, the English one, whose negations and bridges it also hears in a tip that looks English
    /// (Swedish runs on every tip, and English tips carry Swedish lexicon words: "never any knark here"); null: none.
    /// </param>
    public static CompiledLexicon Compile(
        LexiconDocument lexicon, IReadOnlyDictionary<string, int> themeIndex, ThemeModel? model = null, string modelSource = "",
        WordList? words = null, LexiconDocument? englishLexicon = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var (compoundParts, unstemmed) = FoldedWords(lexicon);
        var analyzer = ThemeTextAnalyzer.Create(lexicon.Language, compoundParts, unstemmed);
        var vocabulary = new VocabularyBuilder(analyzer);
        var cueNames = lexicon.Cues.Keys.Order(StringComparer.Ordinal).ToList();
        var patterns = WithoutRepeatedStems(Patterns(lexicon, themeIndex, cueNames, vocabulary));

        // The order matters: the lexicon's stems (negations included) take the ids below the model's.
        var negationIds = lexicon.Negations.SelectMany(vocabulary.Analyse).ToHashSet();
        var bridgeIds = lexicon.NegationBridges.SelectMany(vocabulary.Analyse).ToHashSet();

        // The English negations join them (the tokeniser gives ids to lexicon and model stems only); as lexicon stems they
        // are never shown as a learned reason, as the Swedish ones are not: "hav" (sea, from "have") and "mor" (mother,
        // from "more") included, a small price for a denial heard in an English tip.
        var englishNegationIds = englishLexicon?.Negations.SelectMany(vocabulary.Analyse).ToHashSet();
        var englishBridgeIds = englishLexicon?.NegationBridges.SelectMany(vocabulary.Analyse).ToHashSet();
        var lexiconStems = vocabulary.Stems.Count;
        var compiledModel = model is null ? null : CompiledModel.Compile(model, modelSource, themeIndex, vocabulary);
        var stems = vocabulary.Stems;
        var matcher = new PatternMatcher(
            ByFirstId(patterns, stems.Count),
            new NegationScope(IsNegation(negationIds, stems.Count), lexicon.NegationWindow, IsNegation(bridgeIds, stems.Count), lexicon.NegationReach),
            cueNames.Count,
            englishLexicon is null
                ? null
                : new NegationScope(IsNegation(englishNegationIds!, stems.Count), englishLexicon.NegationWindow, IsNegation(englishBridgeIds!, stems.Count), englishLexicon.NegationReach));
        var lookup = new VocabularyLookup(vocabulary.Ids, lexiconStems, Fuzzy(patterns, stems, unstemmed), words);
        var tokeniser = new VocabularyEncoder(analyzer, ThemeTextAnalyzer.CreateWord(lexicon.Language, compoundParts, unstemmed), lookup, compiledModel);
        return new CompiledLexicon(tokeniser, matcher, lookup, compiledModel, compoundParts, unstemmed);
    }

    /// <summary>The words looked for inside compounds and the words the stemmer leaves alone, folded.</summary>
    private static (HashSet<string> CompoundParts, HashSet<string> Unstemmed) FoldedWords(LexiconDocument lexicon)
    {
        using var surface = ThemeTextAnalyzer.CreateSurface();
        var compoundParts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in lexicon.Themes.SelectMany(t => t.Terms).Where(g => g.Compound).SelectMany(g => g.Words))
        {
            var folded = surface.Words(word);
            if (folded.Count == 1 && folded[0].Length >= ThemeTextAnalyzer.MinCompoundPartLength)
            {
                compoundParts.Add(folded[0]);
            }
        }

        return (compoundParts, lexicon.Unstemmed.SelectMany(surface.Words).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every cue, term and away phrase, analysed into <paramref name="vocabulary"/>: cues first, then theme by theme.</summary>
    private static List<LexiconPattern> Patterns(
        LexiconDocument lexicon, IReadOnlyDictionary<string, int> themeIndex, List<string> cueNames, VocabularyBuilder vocabulary)
    {
        var patterns = new List<LexiconPattern>();
        for (var cue = 0; cue < cueNames.Count; cue++)
        {
            foreach (var word in lexicon.Cues[cueNames[cue]])
            {
                patterns.Add(new LexiconPattern(vocabulary.Analyse(word), PatternKind.Cue, cue, 0, false, -1, word));
            }
        }

        foreach (var theme in lexicon.Themes)
        {
            var target = themeIndex[theme.Id];
            foreach (var group in theme.Terms)
            {
                var requiredCue = group.Requires is null ? -1 : cueNames.IndexOf(group.Requires);
                foreach (var word in group.Words)
                {
                    patterns.Add(new LexiconPattern(
                        vocabulary.Analyse(word), PatternKind.Term, target, group.Weight, group.Compound, requiredCue, word));
                }
            }

            foreach (var phrase in theme.Away)
            {
                patterns.Add(new LexiconPattern(vocabulary.Analyse(phrase), PatternKind.Away, target, 0, false, -1, phrase));
            }
        }

        return patterns;
    }

    /// <summary>
    /// Inflected forms listed side by side ("fortkörning", "fortkörningen") analyse to one stem: keep one pattern, or a
    /// tip would score the same word twice.
    /// </summary>
    private static List<LexiconPattern> WithoutRepeatedStems(List<LexiconPattern> patterns) =>
        [.. patterns.GroupBy(p => (string.Join(' ', p.Ids), p.Kind, p.Target, p.RequiredCue))
            .Select(g => g.MaxBy(p => p.Weight)! with { Compound = g.Any(p => p.Compound) })];

    private static LexiconPattern[][] ByFirstId(List<LexiconPattern> patterns, int vocabularySize)
    {
        var byFirstId = new LexiconPattern[vocabularySize][];
        foreach (var group in patterns.Where(p => p.Ids.Length > 0).GroupBy(p => p.Ids[0]))
        {
            byFirstId[group.Key] = [.. group];
        }

        for (var i = 0; i < byFirstId.Length; i++)
        {
            byFirstId[i] ??= [];
        }

        return byFirstId;
    }

    /// <summary>Per vocabulary id, whether it is one of <paramref name="negationIds"/>.</summary>
    private static bool[] IsNegation(HashSet<int> negationIds, int vocabularySize)
    {
        var isNegation = new bool[vocabularySize];
        foreach (var id in negationIds)
        {
            isNegation[id] = true;
        }

        return isNegation;
    }

    /// <summary>The typo index over single-word terms.</summary>
    private static FuzzyTermIndex Fuzzy(List<LexiconPattern> patterns, List<string> stems, HashSet<string> unstemmed)
    {
        // Unstemmed words are exact on purpose (they sit next to common words), so no typo reaches them.
        var fuzzyIds = patterns.Where(p => p.Kind == PatternKind.Term && p.Ids.Length == 1 && !unstemmed.Contains(stems[p.Ids[0]]))
            .Select(p => p.Ids[0]).Distinct();
        return new FuzzyTermIndex(stems, fuzzyIds);
    }
}
