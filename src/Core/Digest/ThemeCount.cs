namespace Grastorp.Intake.Core.Digest;

/// <summary>A theme's count in the digest week and in the week before.</summary>
public sealed record ThemeCount(string Theme, int Count, int PreviousCount)
{
    /// <summary>The <see cref="Theme"/> of the count of all tips, whatever their themes.</summary>
    public const string AllTips = "tips";

    public int Change => Count - PreviousCount;
}
