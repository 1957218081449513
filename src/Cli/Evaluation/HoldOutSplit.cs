using System.Text;

namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>
/// A fixed split of a labelled file by a hash of each id (FNV-1a, 32 bit): 30 % held out for testing, never looked at
/// while tuning, 70 % for tuning. The same id always lands on the same side, on every machine.
/// </summary>
internal static class HoldOutSplit
{
    public const string All = "all";
    public const string Tune = "tune";
    public const string Test = "test";

    private const uint TestBuckets = 3;
    private const uint Buckets = 10;

    public static bool IsTest(string id) => Hash(id) % Buckets < TestBuckets;

    /// <summary>FNV-1a, 32 bit, of the UTF-8 id.</summary>
    public static uint Hash(string id)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    public static IEnumerable<LabelledTip> Select(IEnumerable<LabelledTip> tips, string part) => part switch
    {
        Tune => tips.Where(t => !IsTest(t.Id)),
        Test => tips.Where(t => IsTest(t.Id)),
        _ => tips,
    };
}
