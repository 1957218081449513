namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>What may be told about a stored tip on its own status page: its stage, the commitments it was counted under, and a public reply from before the conversation.</summary>
public sealed record TipProgress(string Stage, IReadOnlyList<string> Commitments, string? Reply);

/// <summary>The result of moving a tip on.</summary>
public enum ProgressOutcome
{
    Done,
    Unchanged,
    NotFound,

    /// <summary>The move goes against the order of stages: 409.</summary>
    InvalidMove,
}
