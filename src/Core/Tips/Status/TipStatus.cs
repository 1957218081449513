using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Tips.Status;

/// <summary>What a resident may learn about their own tip: how far it has come, and its week. Nothing else.</summary>
public sealed record TipStatus(string Status, WeekId Week)
{
    public const string Received = "received";
    public const string Classified = "classified";

    /// <summary>In the poison queue: the system could not process it, and the kommunpolis is told (digest, CLI).</summary>
    public const string NotProcessed = "not-processed";
}
