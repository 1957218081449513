using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Tips.Status;

/// <summary>
/// What a resident may learn about their own tip: how far it has come (<see cref="TipStage"/>), its week, the promise
/// commitments it was counted under, and the public reply if staff gave one. Never the tip's text.
/// </summary>
public sealed record TipStatus(string Status, WeekId Week)
{
    public const string Received = TipStage.Received;
    public const string Classified = TipStage.Classified;

    /// <summary>In the poison queue: the system could not process it, and the kommunpolis is told (digest, CLI).</summary>
    public const string NotProcessed = "not-processed";

    /// <summary>Commitment keys (<c>grastorp_2021.trafik</c>).</summary>
    public IReadOnlyList<string> Commitments { get; init; } = [];

    public string? Reply { get; init; }
}
