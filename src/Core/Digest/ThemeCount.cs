namespace Grastorp.Intake.Core.Digest;

/// <summary>A theme's count in the digest week and in the week before.</summary>
public sealed record ThemeCount(string Theme, int Count, int PreviousCount)
{
    public int Change => Count - PreviousCount;
}
