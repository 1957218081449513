namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>A theme's count in the digest week, in the week before, and on average over the four weeks before.</summary>
public sealed record ThemeCount(string Theme, int Count, int PreviousCount, double FourWeekAverage)
{
    /// <summary>The <see cref="Theme"/> of the count of all tips, whatever their themes.</summary>
    public const string AllTips = "tips";

    public int Change => Count - PreviousCount;
}
