using BenchmarkDotNet.Attributes;
using Grastorp.Intake.Core.Themes;
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
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private const int TipsPerInvoke = 1000;

    private string[] _tips = [];
    private LexiconTipClassifier _lexicon = null!;
    private KeywordTipClassifier _keyword = null!;
    private SwedishAnalyzer _swedish = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tips = BenchTips.Create(TipsPerInvoke);
        _lexicon = LexiconTipClassifier.CreateDefault();
        _keyword = new KeywordTipClassifier();
        _swedish = new SwedishAnalyzer(LuceneVersion.LUCENE_48);
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
}
