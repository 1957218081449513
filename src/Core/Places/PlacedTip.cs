namespace Grastorp.Intake.Core.Places;

/// <summary>One tip's place as the matcher sees it (no text, no contact).</summary>
public sealed record PlacedTip(string? Place, DateTimeOffset ReceivedAt, IReadOnlyList<string> Themes);
