using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.Tests;

/// <summary>Tips as the intake hands them on: validated, with a fresh reference.</summary>
internal static class TipFactory
{
    public static ReceivedTip Tip(string text, DateTimeOffset receivedAt, string municipality = "grastorp") =>
        new(TipReference.New().Value, receivedAt, municipality, TipKind.Tip, text, Place: null, ObservedAt: null, Contact: null);

    /// <summary>
    /// A tip with everything a resident can write (a place, when it was seen, a contact), received now, under a
    /// reference the services' receipt store issued, as the intake does.
    /// </summary>
    public static async Task<ReceivedTip> IssuedAsync(IServiceProvider services, string text, DateTimeOffset now, string municipality, CancellationToken cancellationToken)
    {
        var reference = await services.GetRequiredService<ReceiptStore>().IssueAsync(TipPartition.Of(municipality, now), now, cancellationToken);
        return new(reference.Value, now, municipality, TipKind.Tip, text, "Storgatan 5 vid skolan", now.AddDays(-1), "anna@example.se");
    }
}
