using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grastorp.Intake.Core.Emergency;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Intake;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Bench;

/// <summary>
/// The intake's own CPU per tip, without storage or HTTP: reading a JSON body as <c>bench/load.sh</c> sends it (120
/// characters, three municipalities in turn), then validating it and the nudge and 112 checks. Each benchmark handles
/// <see cref="TipsPerInvoke"/> tips, so "Op" is one tip.
/// </summary>
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    private const int TipsPerInvoke = 300;

    private byte[][] _bodies = [];
    private TipValidator _validator = null!;
    private TipChecker _checker = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] municipalities = ["grastorp", "vara", "essunga"];
        _bodies = [.. BenchTips.Create(TipsPerInvoke, 120).Select((t, i) =>
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = t[..Math.Min(120, t.Length)].TrimEnd(), municipality = municipalities[i % 3] })))];
        _validator = new TipValidator(new MunicipalityCatalog(Options.Create(new MunicipalityOptions())), TimeProvider.System);
        _checker = new TipChecker(new PersonalDataDetector(), new EmergencyCueDetector());
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int ReadBody()
    {
        var read = 0;
        foreach (var body in _bodies)
        {
            read += Read(body).Count;
        }

        return read;
    }

    [Benchmark(OperationsPerInvoke = TipsPerInvoke)]
    public int ReadValidateAndCheck()
    {
        var flagged = 0;
        foreach (var body in _bodies)
        {
            var tip = _validator.Validate(Read(body)).Tip!;
            var check = _checker.Check(tip.Text, tip.Place);
            flagged += check.Nudge || check.Emergency ? 1 : 0;
        }

        return flagged;
    }

    // A MemoryStream completes every read at once, so the task is done when it returns.
    private static IReadOnlyDictionary<string, string?> Read(byte[] body) =>
        TipRequestReader.ReadAsync(new TipRequest("application/json", body.Length, new MemoryStream(body)), CancellationToken.None)
            .GetAwaiter().GetResult().Fields!;
}
