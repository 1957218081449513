using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grastorp.Intake.Classification;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Grastorp.Intake.Bench;

/// <summary>
/// Tips per second on one thread for 300-character tips: the lexicon classifier, the keyword baseline, and Lucene's
/// SwedishAnalyzer alone (tokenise + stem, the floor cost any analysis-based classifier pays).
/// Each benchmark handles <see cref="TipsPerInvoke"/> tips, so BenchmarkDotNet's "Op" is one tip.
/// </summary>
/// <remarks>
/// Setup runs every classifier over the tips a few hundred times and then waits, so the JIT has finished moving the hot
/// methods from instrumented tier-0 code (dynamic PGO) to optimised tier-1 code before BenchmarkDotNet's pilot stage.
/// Without it, an out-of-process run pinned to one core (<c>--affinity 1</c>) measured the lexicon classifier at 110-135
/// µs instead of 14: the runtime had sized itself for two cores, the tier-up work shared the one allowed core with the
/// benchmark thread, and the short job's three iterations ran instrumented code. <c>DOTNET_TieredPGO=0</c> or
/// <c>DOTNET_TieredCompilation=0</c> made that gap vanish (20 µs, the speed of code without PGO), as did 25 warm-ups.
/// </remarks>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private const int TipsPerInvoke = 1000;

    /// <summary>Tips in the unseen-words pool: far more distinct words than the memo holds, so every word is a miss.</summary>
    private const int UnseenPool = 20 * TipsPerInvoke;

    /// <summary>Two helper authors' training tips (tests/data): real length and vocabulary, unlike the 12 sentences of <see cref="BenchTips"/>.</summary>
    private const int HelperTipCount = 600;

    private string[] _tips = [];
    private string[] _unseen = [];
    private string[] _helperTips = [];
    private int _nextUnseen;
    private LexiconTipClassifier _lexicon = null!;
    private LexiconTipClassifier _lexiconOnly = null!;
    private LexiconTipClassifier _firstLayerOnly = null!;
    private LexiconTipClassifier _charGrams = null!;
    private LexiconTipClassifier _otherWords = null!;
    private KeywordTipClassifier _keyword = null!;
    private SwedishAnalyzer _swedish = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tips = BenchTips.Create(TipsPerInvoke);
        _unseen = BenchTips.CreateUnseen(UnseenPool);
        _helperTips = [.. HelperTips("twentieth-author-tips.jsonl", "eighth-author-tips.jsonl")];
        if (_helperTips.Length != HelperTipCount)
        {
            throw new InvalidOperationException($"{_helperTips.Length} helper tips, not {HelperTipCount}");
        }
        _lexicon = ClassifierFactory.CreateDefault();
        _lexiconOnly = ClassifierFactory.CreateLexiconOnly();
        _firstLayerOnly = new LexiconTipClassifier(
            LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadBuiltIn() with { Text = null });
        _charGrams = new LexiconTipClassifier(
            LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadFile(BenchModelPath("sv-chargrams.model.json")));
        _otherWords = new LexiconTipClassifier(
            LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadFile(BenchModelPath("sv-other-words.model.json")));
        _keyword = new KeywordTipClassifier();
        _swedish = new SwedishAnalyzer(LuceneVersion.LUCENE_48);
        for (var round = 0; round < 200; round++)
        {
            SwedishAnalyzerOnly();
            LexiconClassifier();
            LexiconClassifierHelperTips();
            LexiconOnlyClassifier();
            LexiconClassifierWithoutTextLayer();
            LexiconCharGramClassifier();
            LexiconOtherWordsClassifier();
            KeywordClassifier();
            if (round % 10 == 0)
            {
                LexiconClassifierUnseenWords();
            }
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
    }

    [GlobalCleanup]
    public void Cleanup() => _swedish.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = TipsPerInvoke)]
    public int SwedishAnalyzerOnly()
    {
        var tokens = 0;
        foreach (var tip in _tips)
        {
            using var stream = _swedish.GetTokenStream("text", tip);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens += term.Length;
            }

            stream.End();
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int LexiconClassifier()
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += _lexicon.Classify(tip).Themes.Count;
        }

        return themes;
    }

    /// <summary>
    /// The lexicons with the candidate model that also reads character n-grams (<c>bench/models/sv-chargrams.model.json</c>,
    /// made by <c>train --char-grams 3-5</c>; see bench/RESULTS.md), to show what that layer costs per tip.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int LexiconCharGramClassifier()
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += _charGrams.Classify(tip).Themes.Count;
        }

        return themes;
    }

    /// <summary>
    /// The lexicons with the candidate model that has a learned <c>other</c> class and length-scaled words
    /// (<c>bench/models/sv-other-words.model.json</c>, <c>train --word-scale 3 --other learned</c>; see bench/RESULTS.md).
    /// </summary>
    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int LexiconOtherWordsClassifier()
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += _otherWords.Classify(tip).Themes.Count;
        }

        return themes;
    }

    /// <summary>
    /// The shipped classifier on <see cref="HelperTipCount"/> tips helpers wrote (mean 163 characters): how the suite's
    /// 300-character tips, made of 12 sentences, compare with real length and vocabulary.
    /// </summary>
    [Benchmark(OperationsPerInvoke = HelperTipCount)]
    public int LexiconClassifierHelperTips()
    {
        var themes = 0;
        foreach (var tip in _helperTips)
        {
            themes += _lexicon.Classify(tip).Themes.Count;
        }

        return themes;
    }

    /// <summary>A candidate model in bench/models, found from the benchmark's own folder upwards (BenchmarkDotNet runs a copy elsewhere).</summary>
    private static string BenchModelPath(string name) => RepositoryFile("bench", "models", name);

    private static IEnumerable<string> HelperTips(params string[] names)
    {
        foreach (var line in names.SelectMany(name => File.ReadLines(RepositoryFile("tests", "data", name))))
        {
            using var tip = JsonDocument.Parse(line);
            yield return tip.RootElement.GetProperty("text").GetString()!;
        }
    }

    /// <summary>A file of the repository, found from the benchmark's own folder upwards.</summary>
    private static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine([directory.FullName, .. parts]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{string.Join('/', parts)} not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The shipped model without its text layer (<see cref="ThemeModelText"/>), to show what that layer costs per tip.</summary>
    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int LexiconClassifierWithoutTextLayer()
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += _firstLayerOnly.Classify(tip).Themes.Count;
        }

        return themes;
    }

    /// <summary>The same classifier without its learned layer (<c>Classifier:Model=none</c>).</summary>
    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int LexiconOnlyClassifier()
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += _lexiconOnly.Classify(tip).Themes.Count;
        }

        return themes;
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int KeywordClassifier()
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += _keyword.Classify(tip).Themes.Count;
        }

        return themes;
    }

    /// <summary>
    /// The worst case for the memo of analysed words: the same tips with every word made new (a suffix counted up), taken
    /// in turn from a pool of <see cref="UnseenPool"/> tips, so each word was last seen ~20,000 tips (and ~20 memo
    /// clear-outs) ago and the whole analysis chain runs for every word, plus the memo's insert and clear-out.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int LexiconClassifierUnseenWords()
    {
        var themes = 0;
        for (var i = 0; i < TipsPerInvoke; i++)
        {
            themes += _lexicon.Classify(_unseen[_nextUnseen]).Themes.Count;
            _nextUnseen = (_nextUnseen + 1) % _unseen.Length;
        }

        return themes;
    }
}
