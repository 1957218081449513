using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Tips;

/// <summary>A tip that passed validation: trimmed, with defaults applied, and contact kept only when the resident consented.</summary>
public sealed record TipContent(
    string Text,
    TipKind Kind,
    Municipality Municipality,
    string? Place,
    DateTimeOffset? ObservedAt,
    string? Contact)
{
    /// <summary>How the resident knows it (<see cref="TipSource"/>), or null when not said.</summary>
    public string? Source { get; init; }

    /// <summary>The resident asked for an e-mail when the kommunpolis writes (only with an e-mail contact and consent).</summary>
    public bool NotifyByEmail { get; init; }
}
