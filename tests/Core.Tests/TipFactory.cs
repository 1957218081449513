using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tests;

/// <summary>Tips as the intake hands them on: validated, with a fresh reference.</summary>
internal static class TipFactory
{
    public static ReceivedTip Tip(string text, DateTimeOffset receivedAt, string municipality = "grastorp") =>
        new(TipReference.New().Value, receivedAt, municipality, TipKind.Tip, text, Place: null, ObservedAt: null, Contact: null);
}
