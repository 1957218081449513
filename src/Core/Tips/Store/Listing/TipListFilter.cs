namespace Grastorp.Intake.Core.Tips.Store.Listing;

/// <summary>Which tips of a partition the list shows: a kind (or kinds, comma-separated) and a theme (each null for all), one page at a time.</summary>
public sealed record TipListFilter(string? Kind, string? Theme, int PageSize, string? After)
{
    public const int MaxPageSize = 50;
}
