using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tests;

/// <summary>Queue messages as the intake writes them.</summary>
internal static class TipFactory
{
    public static TipMessage Message(string text, DateTimeOffset receivedAt, string municipality = "grastorp") => new()
    {
        Version = TipMessage.CurrentVersion,
        Reference = TipReference.New().Value,
        ReceivedAt = receivedAt,
        Municipality = municipality,
        Kind = TipKind.Tip,
        Text = text,
    };
}
