using BenchmarkDotNet.Attributes;
using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Bench;

/// <summary>
/// What the Swedish spelling dictionary (<c>Classifier:SpellingDictionary=builtin</c>) costs per tip: the shipped
/// classifier without and with it, on the usual tips (every word in the memo) and on tips whose words are all new (the
/// whole analysis and, for a word one edit from a lexicon stem, the dictionary look-up run). Same tips and warm-up as
/// <see cref="ClassifierBenchmarks"/>; Op = one tip.
/// </summary>
[MemoryDiagnoser]
public class SpellingDictionaryBenchmarks
{
    private const int TipsPerInvoke = 1000;

    private string[] _tips = [];
    private string[] _unseen = [];
    private int _nextUnseen;
    private LexiconTipClassifier _without = null!;
    private LexiconTipClassifier _with = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tips = BenchTips.Create(TipsPerInvoke);
        _unseen = BenchTips.CreateUnseen(20 * TipsPerInvoke);
        _without = ClassifierFactory.CreateDefault();
        _with = new LexiconTipClassifier(
            LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadBuiltIn(), ThemeModelLoader.BuiltInSource,
            ClassifierFactory.BuiltInWords());

        // Warm up so tier-0 code is not measured (see ClassifierBenchmarks).
        for (var round = 0; round < 200; round++)
        {
            WithoutDictionary();
            WithDictionary();
            if (round % 10 == 0)
            {
                WithoutDictionaryUnseenWords();
                WithDictionaryUnseenWords();
            }
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TipsPerInvoke)]
    public int WithoutDictionary() => Classify(_without);

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int WithDictionary() => Classify(_with);

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int WithoutDictionaryUnseenWords() => ClassifyUnseen(_without);

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int WithDictionaryUnseenWords() => ClassifyUnseen(_with);

    private int Classify(LexiconTipClassifier classifier)
    {
        var themes = 0;
        foreach (var tip in _tips)
        {
            themes += classifier.Classify(tip).Themes.Count;
        }

        return themes;
    }

    private int ClassifyUnseen(LexiconTipClassifier classifier)
    {
        var themes = 0;
        for (var i = 0; i < TipsPerInvoke; i++)
        {
            themes += classifier.Classify(_unseen[_nextUnseen]).Themes.Count;
            _nextUnseen = (_nextUnseen + 1) % _unseen.Length;
        }

        return themes;
    }
}
