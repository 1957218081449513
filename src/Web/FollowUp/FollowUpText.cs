using System.Globalization;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Web.FollowUp;

/// <summary>The follow-up page's words in Swedish and English, and its month and day formats.</summary>
internal static class FollowUpText
{
    private static readonly Dictionary<string, (string Sv, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["Title"] = ("Ni tipsade – vi gjorde: uppföljning av medborgarlöftet", "You told us – we acted: follow-up of the citizen promise"),
        ["Intro"] = ("Här ser du vad polisen och kommunen har lovat i medborgarlöftet, hur många tips som har kommit in om varje löfte och vad som har gjorts.", "Here you can see what the police and the municipality have promised in the citizen promise, how many tips have come in about each commitment and what has been done."),
        ["Privacy"] = ("Vi visar bara antal, aldrig vad någon har skrivit. Ett antal på 1 eller 2 visas som ”färre än 3”, och en summa som skulle avslöja ett sådant antal visas inte.", "We show numbers only, never what anyone wrote. A count of 1 or 2 is shown as “fewer than 3”, and a total that would give such a count away is not shown."),
        ["Example"] = ("Exempel – inte ett antaget löfte", "Example – not an adopted promise"),
        ["PromisedBy"] = ("Lovat av", "Promised by"),
        ["TipsCaption"] = ("Tips om löftet per månad", "Tips about the commitment per month"),
        ["Month"] = ("Månad", "Month"),
        ["Tips"] = ("Tips", "Tips"),
        ["Total"] = ("Totalt", "Total"),
        ["NoTipLink"] = ("Tips räknas inte till det här löftet. Det följs upp med det som görs.", "Tips are not counted for this commitment. It is followed up by what is done."),
        ["Actions"] = ("Det här har gjorts", "What has been done"),
        ["NoActions"] = ("Inget har registrerats ännu.", "Nothing has been recorded yet."),
        ["Quiet"] = ("Ingen åtgärd har registrerats de senaste {0} dagarna.", "No action has been recorded in the last {0} days."),
        ["LastUpdate"] = ("Senast uppdaterad {0}.", "Last updated {0}."),
        ["NoPromise"] = ("Inget medborgarlöfte är publicerat här ännu.", "No citizen promise is published here yet."),
        ["OtherFormats"] = ("Samma uppgifter för webbplatser och nyhetsläsare", "The same figures for websites and feed readers"),
        ["Feed"] = ("Atom-flöde", "Atom feed"),
        ["Json"] = ("JSON", "JSON"),
        ["Send"] = ("Skicka ett tips", "Send a tip"),
    };

    public static string Get(string key, Language language, params object[] arguments)
    {
        var (sv, en) = Texts[key];
        var format = language == Language.English ? en : sv;
        return arguments.Length == 0 ? format : string.Format(language.Culture(), format, arguments);
    }

    /// <summary>"november 2026" from "2026-11".</summary>
    public static string MonthName(string month, Language language) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", language.Culture());

    public static string Day(DateOnly date, Language language) => date.ToString(language == Language.English ? "d MMMM yyyy" : "d MMMM yyyy", language.Culture());
}
