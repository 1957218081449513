using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Web.Site;

/// <summary>
/// The addresses of the resident pages: Swedish at the root, English under /en with English words. The HTTP
/// functions' routes spell the same paths.
/// </summary>
public static class SitePaths
{
    public static string Home(Language language) => language == Language.English ? "/en" : "/";

    public static string Receipt(Language language, string reference) =>
        (language == Language.English ? "/en/receipt/" : "/kvitto/") + Uri.EscapeDataString(reference);

    /// <summary>
    /// The receipt with what the check found at submit, as two flags (never a value or a kind): a plain form post
    /// cannot show the nudge or the 112 cue before sending, so the receipt does.
    /// </summary>
    public static string Receipt(Language language, string reference, bool personalData, bool emergency)
    {
        var flags = (personalData ? [PersonalDataFlag + "=1"] : Array.Empty<string>()).Concat(emergency ? [EmergencyFlag + "=1"] : []).ToList();
        return Receipt(language, reference) + (flags.Count == 0 ? string.Empty : "?" + string.Join('&', flags));
    }

    /// <summary>The receipt's query flag for "the tip held personal data": show the nudge.</summary>
    public const string PersonalDataFlag = "uppgifter";

    /// <summary>The receipt's query flag for "the tip read as happening now": show "Ring 112".</summary>
    public const string EmergencyFlag = "akut";

    /// <summary>The form's script asks here, while the resident writes, whether to nudge or show the 112 cue.</summary>
    public const string CheckTip = "/api/tips/check";

    public static string Status(Language language, string? reference = null) =>
        (language == Language.English ? "/en/status" : "/status") + (reference is null ? string.Empty : "/" + Uri.EscapeDataString(reference));

    /// <summary>Where the resident's answer is posted, with the code in the body (never in this address).</summary>
    public static string StatusAnswer(Language language) => language == Language.English ? "/en/status/answer" : "/status/svar";

    public static string Accessibility(Language language) => language == Language.English ? "/en/accessibility" : "/tillganglighet";

    public static string Privacy(Language language) => language == Language.English ? "/en/personal-data" : "/personuppgifter";

    /// <summary>The form posts here; the hidden <c>lang</c> field says which language answers.</summary>
    public const string SubmitTip = "/api/tips";

    public static Language Other(this Language language) => language == Language.English ? Language.Swedish : Language.English;
}
