using Grastorp.Intake.Core.Counting.Correcting;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Staff;

/// <summary>Swedish names the staff pages show for ids that stay ids in the API (roles, kinds).</summary>
public static class StaffText
{
    public static string RoleName(StaffRole role) => role switch
    {
        StaffRole.Kommunpolis => "Kommunpolis",
        StaffRole.Granskare => "Granskare",
        _ => "Kommun",
    };

    public static string KindName(string? kind) => kind switch
    {
        "tip" => "Tips",
        "idea" => "Idé",
        "feedback" => "Synpunkt",
        _ => "Alla typer",
    };

    public static string KindPlural(string? kind) => kind switch
    {
        "tip" => "Tips",
        "idea" => "Idéer",
        "feedback" => "Synpunkter",
        _ => "Alla typer",
    };

    public static string Number(int value) => value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));

    /// <summary>A change with its sign and, when there is a base, in per cent: "+3 (+25 %)", "−2", "±0".</summary>
    public static string Change(int now, int before)
    {
        var difference = now - before;
        var sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
        var text = sign + Number(Math.Abs(difference));
        if (before > 0)
        {
            var percent = Math.Round(100.0 * difference / before);
            text += $" ({(percent > 0 ? "+" : percent < 0 ? "−" : "±")}{Math.Abs(percent):0} %)";
        }

        return text;
    }

    public static string Time(DateTimeOffset instant) =>
        Grastorp.Intake.Core.Calendar.SwedishTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The query field that carries a correction's outcome back to the list.</summary>
    public const string ResultField = "resultat";

    public static TipCorrectionRequest CorrectionRequest(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new TipCorrectionRequest(
            form[TipCorrectionService.MunicipalityField],
            form[TipCorrectionService.WeekField],
            form[TipCorrectionService.ReferenceField],
            [.. form[TipCorrectionService.ThemesField].Select(v => v ?? string.Empty)],
            form[TipCorrectionService.KeyField]);
    }

    /// <summary>Back to the list the form was on, with the outcome. Only a query of plain characters is taken back.</summary>
    public static string AfterCorrection(string? returnQuery, CorrectionOutcome outcome, string? reference)
    {
        var query = returnQuery is { Length: < 400 } && returnQuery.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '&' or '-' or '_' or '%' or '.')
            ? returnQuery + "&"
            : string.Empty;
        var safeReference = Grastorp.Intake.Core.Tips.TipReference.TryParse(reference, out var parsed) ? parsed.Value : string.Empty;
        return $"{StaffPaths.Tips}?{query}{ResultField}={outcome.ToString().ToLowerInvariant()}&{TipCorrectionService.ReferenceField}={safeReference}#tip-{safeReference}";
    }

    public static string? CorrectionMessage(string? result, string? reference) => result switch
    {
        "corrected" => $"Teman för {reference} är rättade. Statistiken är uppdaterad.",
        "alreadyapplied" => $"Rättelsen för {reference} var redan sparad. Inget ändrades en gång till.",
        "unchanged" => $"{reference} hade redan de teman du valde. Inget ändrades.",
        "notfound" => $"Hittade inget tips {reference} i den veckan och kommunen.",
        _ => null,
    };
}
