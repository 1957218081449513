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

    public static string Status(Language language, string? reference = null) =>
        (language == Language.English ? "/en/status" : "/status") + (reference is null ? string.Empty : "/" + Uri.EscapeDataString(reference));

    public static string Accessibility(Language language) => language == Language.English ? "/en/accessibility" : "/tillganglighet";

    public static string Privacy(Language language) => language == Language.English ? "/en/personal-data" : "/personuppgifter";

    /// <summary>The form posts here; the hidden <c>lang</c> field says which language answers.</summary>
    public const string SubmitTip = "/api/tips";

    public static Language Other(this Language language) => language == Language.English ? Language.Swedish : Language.English;
}
