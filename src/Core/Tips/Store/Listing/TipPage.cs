namespace Grastorp.Intake.Core.Tips.Store.Listing;

/// <summary>One page of a week's tips, newest first, and the token for the next page (null on the last).</summary>
public sealed record TipPage(IReadOnlyList<ListedTip> Tips, string? Next);
