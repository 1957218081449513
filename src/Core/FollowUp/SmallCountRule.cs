namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// The one rule for publishing counts. A count of 1 or 2 is shown as "färre än 3" (0 is shown: nobody is behind it).
/// A total published beside its parts would give away a hidden part by subtraction (total minus the shown parts), so a
/// total whose parts are not all shown is withheld too. Withholding the total rather than a second part keeps every
/// month readable, and with the total unknown no hidden part can be narrowed below "1 or 2".
/// </summary>
public static class SmallCountRule
{
    public const int Smallest = 3;

    /// <summary>One count published on its own.</summary>
    public static PublicCount Alone(int count) => count switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(count), count, "A count is never negative."),
        > 0 and < Smallest => PublicCount.FewerThanThree,
        _ => PublicCount.Shown(count),
    };

    /// <summary>Parts published with their total (the total is the parts' sum: each tip is in exactly one part).</summary>
    public static (IReadOnlyList<PublicCount> Parts, PublicCount Total) WithTotal(IReadOnlyList<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var shown = parts.Select(Alone).ToList();
        var total = Alone(parts.Sum());
        if (total.Kind == PublicCountKind.Shown && shown.Any(p => p.Kind != PublicCountKind.Shown))
        {
            total = PublicCount.Withheld;
        }

        return (shown, total);
    }
}
