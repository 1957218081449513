using BenchmarkDotNet.Attributes;
using Grastorp.Intake.Core.Emergency;
using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Bench;

/// <summary>
/// Tips per second on one thread for 300-character tips: personal-data masking on tips without digits, on tips with
/// numbers that are not personal data (times, prices, a week), on tips with five items each, and the emergency cue.
/// Each benchmark handles <see cref="TipsPerInvoke"/> tips, so "Op" is one tip.
/// </summary>
[MemoryDiagnoser]
public class PrivacyBenchmarks
{
    private const int TipsPerInvoke = 1000;

    private string[] _plain = [];
    private string[] _numbers = [];
    private string[] _personal = [];
    private PersonalDataDetector _detector = null!;
    private EmergencyCueDetector _cue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = BenchTips.Create(TipsPerInvoke);
        _numbers = [.. BenchTips.Create(TipsPerInvoke, 250).Select((t, i) => $"{t} Kl 22.{i % 60:00}, {(i % 9) + 2} cyklar för 1 250 kr, vecka 48.")];
        _personal = [.. BenchTips.Create(TipsPerInvoke, 230).Select((t, i) =>
            $"{t} Ring 070-{i % 1000:000} 45 67, bor på Storgatan {(i % 90) + 1}B, kör ABC {(i % 900) + 100}, 19811218-9876, a{i}@b.se")];
        _detector = new PersonalDataDetector();
        _cue = new EmergencyCueDetector();
        for (var round = 0; round < 50; round++)
        {
            MaskPlainTips();
            MaskTipsWithNumbers();
            MaskTipsWithPersonalData();
            EmergencyCue();
        }

        Thread.Sleep(TimeSpan.FromSeconds(2));
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int MaskPlainTips()
    {
        var found = 0;
        foreach (var tip in _plain)
        {
            found += _detector.Mask(tip).Found.Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int MaskTipsWithNumbers()
    {
        var found = 0;
        foreach (var tip in _numbers)
        {
            found += _detector.Mask(tip).Found.Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int MaskTipsWithPersonalData()
    {
        var found = 0;
        foreach (var tip in _personal)
        {
            found += _detector.Mask(tip).Found.Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int EmergencyCue()
    {
        var cues = 0;
        foreach (var tip in _plain)
        {
            cues += _cue.Detect(tip).IsEmergency ? 1 : 0;
        }

        return cues;
    }
}
