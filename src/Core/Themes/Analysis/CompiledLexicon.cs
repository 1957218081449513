using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Grastorp.Intake.Core.Themes.Analysis;

/// <summary>
/// One language's lexicon turned into analysed patterns over a vocabulary of stems, and the matching of a tip's text
/// against them. The text is analysed once with Lucene.Net; matching then works on vocabulary ids only.
/// </summary>
internal sealed class CompiledLexicon
{
    /// <summary>Words a phrase may skip between its own words ("kör alldeles för fort", "röker han på").</summary>
    private const int PhraseSlop = 1;

    /// <summary>A tip with more words missing from the memo than this is analysed whole by the Lucene chain.</summary>
    private const int MaxWordByWordMisses = 3;

    private readonly Analyzer _analyzer;
    private readonly Analyzer _wordAnalyzer;
    private readonly WordAnalysisCache _cache;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly LexiconPattern[][] _patternsByFirstId;
    private readonly bool[] _isNegation;
    private readonly int _negationWindow;
    private readonly int _cueCount;
    private readonly FuzzyTermIndex _fuzzy;

    /// <summary>Vocabulary ids below this are the lexicon's own stems; the rest are the model's.</summary>
    private readonly int _lexiconStems;

    private CompiledLexicon(
        string language,
        Analyzer analyzer,
        Analyzer wordAnalyzer,
        Dictionary<string, int> vocabulary,
        LexiconPattern[][] patternsByFirstId,
        bool[] isNegation,
        int negationWindow,
        int cueCount,
        FuzzyTermIndex fuzzy,
        int lexiconStems,
        CompiledModel? model)
    {
        Language = language;
        _analyzer = analyzer;
        _wordAnalyzer = wordAnalyzer;
        _cache = new WordAnalysisCache(AnalyseWord);
        _vocabulary = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _patternsByFirstId = patternsByFirstId;
        _isNegation = isNegation;
        _negationWindow = negationWindow;
        _cueCount = cueCount;
        _fuzzy = fuzzy;
        _lexiconStems = lexiconStems;
        Model = model;
    }

    public string Language { get; }

    /// <summary>The learned layer compiled against this lexicon's vocabulary, or null.</summary>
    public CompiledModel? Model { get; }

    /// <summary>The memo of analysed words (for tests and diagnostics).</summary>
    internal WordAnalysisCache Cache => _cache;

    /// <summary>The words looked for inside compounds (folded): with <see cref="Unstemmed"/>, rebuilds the full Lucene chain in tests.</summary>
    internal IReadOnlyCollection<string> CompoundParts { get; private init; } = [];

    /// <summary>The words the stemmer leaves alone (folded).</summary>
    internal IReadOnlyCollection<string> Unstemmed { get; private init; } = [];

    /// <summary>Compiles a validated lexicon. <paramref name="themeIndex"/> maps theme ids to the classifier's theme order.</summary>
    /// <param name="lexicon">A validated lexicon.</param>
    /// <param name="themeIndex">The classifier's theme order.</param>
    /// <param name="model">A validated model whose stems join the vocabulary, or null.</param>
    /// <param name="modelSource">Names the model in errors.</param>
    public static CompiledLexicon Compile(
        LexiconDocument lexicon, IReadOnlyDictionary<string, int> themeIndex, ThemeModel? model = null, string modelSource = "")
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        using var surface = ThemeTextAnalyzer.CreateSurface();
        var compoundParts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in lexicon.Themes.SelectMany(t => t.Terms).Where(g => g.Compound))
        {
            foreach (var word in group.Words)
            {
                var folded = surface.Words(word);
                if (folded.Count == 1 && folded[0].Length >= ThemeTextAnalyzer.MinCompoundPartLength)
                {
                    compoundParts.Add(folded[0]);
                }
            }
        }

        var unstemmed = lexicon.Unstemmed.SelectMany(surface.Words).ToHashSet(StringComparer.Ordinal);
        var analyzer = ThemeTextAnalyzer.Create(lexicon.Language, compoundParts, unstemmed);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var stems = new List<string>();
        var patterns = new List<LexiconPattern>();

        int[] Analyse(string text)
        {
            var words = analyzer.Words(text);
            var ids = new int[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                if (!vocabulary.TryGetValue(words[i], out ids[i]))
                {
                    ids[i] = vocabulary[words[i]] = stems.Count;
                    stems.Add(words[i]);
                }
            }

            return ids;
        }

        var cueNames = lexicon.Cues.Keys.Order(StringComparer.Ordinal).ToList();
        for (var cue = 0; cue < cueNames.Count; cue++)
        {
            foreach (var word in lexicon.Cues[cueNames[cue]])
            {
                patterns.Add(new LexiconPattern(Analyse(word), PatternKind.Cue, cue, 0, false, -1, word));
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
                    patterns.Add(new LexiconPattern(Analyse(word), PatternKind.Term, target, group.Weight, group.Compound, requiredCue, word));
                }
            }

            foreach (var phrase in theme.Away)
            {
                patterns.Add(new LexiconPattern(Analyse(phrase), PatternKind.Away, target, 0, false, -1, phrase));
            }
        }

        // Inflected forms listed side by side ("fortkörning", "fortkörningen") analyse to one stem: keep one pattern,
        // or a tip would score the same word twice.
        patterns = [.. patterns.GroupBy(p => (string.Join(' ', p.Ids), p.Kind, p.Target, p.RequiredCue))
            .Select(g => g.MaxBy(p => p.Weight)! with { Compound = g.Any(p => p.Compound) })];

        var negationIds = lexicon.Negations.SelectMany(Analyse).ToHashSet();
        var lexiconStems = stems.Count;
        var compiledModel = model is null ? null : CompiledModel.Compile(model, modelSource, themeIndex, vocabulary, stems);
        var isNegation = new bool[stems.Count];
        foreach (var id in negationIds)
        {
            isNegation[id] = true;
        }

        var byFirstId = new LexiconPattern[stems.Count][];
        foreach (var group in patterns.Where(p => p.Ids.Length > 0).GroupBy(p => p.Ids[0]))
        {
            byFirstId[group.Key] = [.. group];
        }

        for (var i = 0; i < byFirstId.Length; i++)
        {
            byFirstId[i] ??= [];
        }

        // Unstemmed words are exact on purpose (they sit next to common words), so no typo reaches them.
        var fuzzyIds = patterns.Where(p => p.Kind == PatternKind.Term && p.Ids.Length == 1 && !unstemmed.Contains(stems[p.Ids[0]]))
            .Select(p => p.Ids[0]).Distinct();
        var fuzzy = new FuzzyTermIndex(stems, fuzzyIds);
        return new CompiledLexicon(
            lexicon.Language, analyzer, ThemeTextAnalyzer.CreateWord(lexicon.Language, compoundParts, unstemmed), vocabulary, byFirstId, isNegation, lexicon.NegationWindow, cueNames.Count, fuzzy,
            lexiconStems, compiledModel)
        {
            CompoundParts = compoundParts,
            Unstemmed = unstemmed,
        };
    }

    /// <summary>
    /// Adds what this lexicon finds in <paramref name="text"/> to <paramref name="scores"/>, leaving the analysed tokens
    /// in <paramref name="buffer"/> (cleared first) for the learned layer.
    /// </summary>
    public void Match(string text, ThemeScores scores, TokenBuffer buffer)
    {
        buffer.Clear();
        Tokenise(text, buffer);
        var words = buffer.Words;
        var occurrences = buffer.Occurrences;
        for (var position = 0; position < words.Count; position++)
        {
            var id = words[position];
            if (id < 0)
            {
                continue;
            }

            foreach (var pattern in _patternsByFirstId[id])
            {
                if (pattern.Ids.Length == 1)
                {
                    occurrences.Add((pattern, position, position + 1));
                }
                else if (TryMatchPhrase(words, position, pattern.Ids, out var end))
                {
                    occurrences.Add((pattern, position, end));
                }
            }
        }

        foreach (var (position, id, _) in buffer.Parts)
        {
            if (id < 0)
            {
                continue;
            }

            foreach (var pattern in _patternsByFirstId[id])
            {
                if (pattern is { Kind: PatternKind.Term, Compound: true } && pattern.Ids.Length == 1)
                {
                    occurrences.Add((pattern, position, position + 1));
                }
            }
        }

        if (Model is not null || buffer.KeepStems)
        {
            MarkCancelled(buffer);
        }

        if (occurrences.Count == 0)
        {
            return;
        }

        Span<bool> cues = stackalloc bool[_cueCount];
        foreach (var (pattern, _, _) in occurrences)
        {
            if (pattern.Kind == PatternKind.Cue)
            {
                cues[pattern.Target] = true;
            }
        }

        foreach (var (pattern, start, _) in occurrences)
        {
            if (pattern.Kind != PatternKind.Term
                || (pattern.RequiredCue >= 0 && !cues[pattern.RequiredCue])
                || IsNegated(words, start)
                || IsInsideAwayPhrase(occurrences, pattern.Target, start))
            {
                continue;
            }

            scores.Add(pattern.Target, pattern.Display, pattern.Weight);
        }
    }

    /// <summary>
    /// The model's feature names present in the analysed tip (after <see cref="Match"/> with
    /// <see cref="TokenBuffer.KeepStems"/>), for training: every stem and bigram, not only those the model knows.
    /// </summary>
    public static void CollectFeatureNames(TokenBuffer buffer, Dictionary<string, double> features)
    {
        var stems = buffer.Stems;
        for (var position = 0; position < stems.Count; position++)
        {
            if (stems[position] is not { } stem || buffer.Cancelled[position])
            {
                continue;
            }

            features[ThemeFeatures.Word(stem)] = 1;
            if (position > 0 && stems[position - 1] is { } previous && !buffer.Cancelled[position - 1])
            {
                features[ThemeFeatures.Bigram(previous, stem)] = 1;
            }
        }

        for (var i = 0; i < buffer.Parts.Count; i++)
        {
            if (!buffer.Cancelled[buffer.Parts[i].Position])
            {
                features[ThemeFeatures.Word(buffer.PartStems[i])] = 1;
            }
        }
    }

    /// <summary>Collects the model's feature indices present in the analysed tip into <see cref="TokenBuffer.Features"/>.</summary>
    public void CollectFeatures(TokenBuffer buffer)
    {
        if (Model is not { } model)
        {
            return;
        }

        var exact = buffer.Exact;
        for (var position = 0; position < exact.Count; position++)
        {
            var id = exact[position];
            if (id < 0 || buffer.Cancelled[position])
            {
                continue;
            }

            var feature = model.FeatureOfId[id];
            if (feature >= 0)
            {
                buffer.Features.Add(feature);
            }

            if (position > 0 && exact[position - 1] is var previous and >= 0 && !buffer.Cancelled[position - 1]
                && model.Bigrams.TryGetValue(CompiledModel.BigramKey(previous, id), out var bigram))
            {
                buffer.Features.Add(bigram);
            }
        }

        foreach (var (position, _, id) in buffer.Parts)
        {
            if (id >= 0 && model.FeatureOfId[id] is var feature and >= 0 && !buffer.Cancelled[position])
            {
                buffer.Features.Add(feature);
            }
        }
    }

    /// <summary>The lexicon's own id for a vocabulary id, or -1 for a stem only the model knows.</summary>
    public bool IsLexiconStem(int id) => id >= 0 && id < _lexiconStems;

    private void MarkCancelled(TokenBuffer buffer)
    {
        var words = buffer.Words;
        for (var position = 0; position < words.Count; position++)
        {
            buffer.Cancelled.Add(IsNegated(words, position));
        }

        foreach (var (pattern, start, end) in buffer.Occurrences)
        {
            if (pattern.Kind == PatternKind.Away)
            {
                for (var position = start; position < end; position++)
                {
                    buffer.Cancelled[position] = true;
                }
            }
        }
    }

    /// <summary>
    /// The tip's words and compound parts, as the Lucene chain of <see cref="ThemeTextAnalyzer.Create(string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>
    /// gives them. Usually the tokens come from <see cref="PlainTextTokenizer"/> and each word's analysis from the memo;
    /// a word the memo lacks is analysed alone. A text the plain tokenizer declines, or with more than
    /// <see cref="MaxWordByWordMisses"/> new words, goes through the Lucene chain whole (cheaper than word by word), and
    /// its new words join the memo.
    /// </summary>
    private void Tokenise(string text, TokenBuffer buffer)
    {
        var spans = buffer.Spans;
        if (!PlainTextTokenizer.TryTokenise(text, spans))
        {
            TokeniseWithLucene(text, buffer);
            return;
        }

        var found = buffer.Analysed;
        found.Clear();
        var misses = 0;
        foreach (var (start, end) in spans)
        {
            var word = _cache.TryGet(text.AsSpan(start, end - start));
            if (word is null && ++misses > MaxWordByWordMisses)
            {
                TokeniseWithLucene(text, buffer);
                return;
            }

            found.Add(word);
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var (start, end) = spans[i];
            AddWord(found[i] ?? _cache.Get(text.AsSpan(start, end - start)), start, end, 1, buffer);
        }
    }

    /// <summary>
    /// The whole text through the Lucene chain: a word in the memo is taken from it, a word seen for the second time is
    /// built from the chain's tokens and memoised, and any other word goes to the buffer as the chain gives it.
    /// </summary>
    private void TokeniseWithLucene(string text, TokenBuffer buffer)
    {
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var parts = buffer.PendingParts;
        parts.Clear();
        (int Start, int End, int Increment, int Word, int Exact, string Stem)? pending = null;

        // What the compound parts that follow a word are for: the memo's entry has them already (false), or they go
        // straight to the buffer (true); with a pending word they join it.
        var direct = false;
        var words = buffer.Words;
        while (stream.IncrementToken())
        {
            var token = term.Buffer.AsSpan(0, term.Length);
            var exact = _vocabulary.TryGetValue(token, out var found) ? found : -1;
            var lexicon = exact >= 0 && exact < _lexiconStems ? exact : -1;
            if (increment.PositionIncrement > 0)
            {
                Flush();
                direct = false;
                var (start, end) = (offset.StartOffset, offset.EndOffset);
                var surface = text.AsSpan(start, end - start);
                if (_cache.TryGet(surface) is { } known)
                {
                    AddWord(known, start, end, increment.PositionIncrement, buffer);
                    continue;
                }

                var word = lexicon >= 0 ? lexicon : _fuzzy.Find(token);
                if (_cache.Admit(surface))
                {
                    pending = (start, end, increment.PositionIncrement, word, exact, token.ToString());
                    continue;
                }

                direct = true;
                for (var gap = 1; gap < increment.PositionIncrement; gap++)
                {
                    words.Add(-1);
                    buffer.Exact.Add(-1);
                    buffer.Offsets.Add((start, start));
                    if (buffer.KeepStems)
                    {
                        buffer.Stems.Add(null);
                    }
                }

                words.Add(word);
                buffer.Exact.Add(exact);
                buffer.Offsets.Add((start, end));
                if (buffer.KeepStems)
                {
                    buffer.Stems.Add(token.ToString());
                }
            }
            else if (pending is not null)
            {
                parts.Add(new AnalysedPart(lexicon, exact, token.ToString()));
            }
            else if (direct && (exact >= 0 || buffer.KeepStems))
            {
                buffer.Parts.Add((words.Count - 1, lexicon, exact));
                if (buffer.KeepStems)
                {
                    buffer.PartStems.Add(token.ToString());
                }
            }
        }

        Flush();
        stream.End();

        void Flush()
        {
            if (pending is { } p)
            {
                var analysed = new AnalysedWord(p.Word, p.Exact, p.Stem, [.. parts]);
                _cache.Add(text[p.Start..p.End], analysed);
                AddWord(analysed, p.Start, p.End, p.Increment, buffer);
                parts.Clear();
                pending = null;
            }
        }
    }

    private static void AddWord(AnalysedWord word, int start, int end, int increment, TokenBuffer buffer)
    {
        var words = buffer.Words;
        for (var gap = 1; gap < increment; gap++)
        {
            words.Add(-1);
            buffer.Exact.Add(-1);
            buffer.Offsets.Add((start, start));
            if (buffer.KeepStems)
            {
                buffer.Stems.Add(null);
            }
        }

        words.Add(word.Word);
        buffer.Exact.Add(word.Exact);
        buffer.Offsets.Add((start, end));
        if (buffer.KeepStems)
        {
            buffer.Stems.Add(word.Stem);
        }

        foreach (var part in word.Parts)
        {
            if (part.Exact >= 0 || buffer.KeepStems)
            {
                buffer.Parts.Add((words.Count - 1, part.Id, part.Exact));
                if (buffer.KeepStems)
                {
                    buffer.PartStems.Add(part.Stem);
                }
            }
        }
    }

    /// <summary>One surface word through the whole chain (run once per distinct word, see <see cref="WordAnalysisCache"/>).</summary>
    private AnalysedWord AnalyseWord(string surface)
    {
        using var stream = _wordAnalyzer.GetTokenStream("text", surface);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var word = -1;
        var exactWord = -1;
        string? stem = null;
        var parts = new List<AnalysedPart>();
        while (stream.IncrementToken())
        {
            var token = term.Buffer.AsSpan(0, term.Length);
            var exact = _vocabulary.TryGetValue(token, out var found) ? found : -1;
            var lexicon = exact >= 0 && exact < _lexiconStems ? exact : -1;
            if (increment.PositionIncrement > 0 && stem is null)
            {
                stem = token.ToString();
                exactWord = exact;
                word = lexicon >= 0 ? lexicon : _fuzzy.Find(token);
            }
            else
            {
                parts.Add(new AnalysedPart(lexicon, exact, token.ToString()));
            }
        }

        stream.End();
        return new AnalysedWord(word, exactWord, stem ?? surface, [.. parts]);
    }

    private static bool TryMatchPhrase(List<int> words, int start, int[] ids, out int end)
    {
        var position = start;
        for (var i = 1; i < ids.Length; i++)
        {
            var next = -1;
            for (var candidate = position + 1; candidate <= position + 1 + PhraseSlop && candidate < words.Count; candidate++)
            {
                if (words[candidate] == ids[i])
                {
                    next = candidate;
                    break;
                }
            }

            if (next < 0)
            {
                end = start;
                return false;
            }

            position = next;
        }

        end = position + 1;
        return true;
    }

    private bool IsNegated(List<int> words, int start)
    {
        for (var position = Math.Max(0, start - _negationWindow); position < start; position++)
        {
            var id = words[position];
            if (id >= 0 && _isNegation[id])
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInsideAwayPhrase(List<(LexiconPattern Pattern, int Start, int End)> occurrences, int theme, int position)
    {
        foreach (var (pattern, start, end) in occurrences)
        {
            if (pattern.Kind == PatternKind.Away && pattern.Target == theme && start <= position && position < end)
            {
                return true;
            }
        }

        return false;
    }
}
