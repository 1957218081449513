using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// The addresses of the staff pages: Swedish under /personal, English under /en/personal (the same words after the
/// prefix, so the query fields of a shared link stay the same in both). The HTTP functions' routes spell these paths.
/// </summary>
public static class StaffPaths
{
    public const string Dashboard = "/personal/statistik";
    public const string Export = "/personal/statistik/csv";
    public const string Tips = "/personal/tips";
    public const string Correction = "/personal/tips/rattelse";
    public const string Audit = "/personal/granskning";
    public const string Actions = "/personal/atgarder";
    public const string ActionWithdrawal = "/personal/atgarder/dra-tillbaka";

    /// <summary>A tip's own page (the reference is checked before it gets here).</summary>
    public static string Tip(string reference) => $"{Tips}/{reference}";

    /// <summary>Where a tip's stage form posts (the reference is checked before it gets here).</summary>
    public static string Progress(string reference) => $"{Tips}/{reference}/status";

    /// <summary>Where a message to the resident (the tip's conversation) posts.</summary>
    public static string Message(string reference) => $"{Tips}/{reference}/meddelanden";

    private const string EnglishPrefix = "/en";

    /// <summary>A staff path (one of the constants) in a language: <c>/personal/tips</c> or <c>/en/personal/tips</c>.</summary>
    public static string In(Language language, string path) => language == Language.English ? EnglishPrefix + path : path;

    /// <summary>The language of a request path: English under /en/, else Swedish.</summary>
    public static Language LanguageOf(string? path) =>
        path is not null && path.StartsWith(EnglishPrefix + "/", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Swedish;

    /// <summary>The same staff page in the other language: the prefix added or taken away, the query kept.</summary>
    public static string Alternate(string path, string? query)
    {
        ArgumentNullException.ThrowIfNull(path);
        var swedish = LanguageOf(path) == Language.English ? path[EnglishPrefix.Length..] : path;
        var other = LanguageOf(path) == Language.English ? swedish : EnglishPrefix + swedish;
        return string.IsNullOrEmpty(query) ? other : other + (query[0] == '?' ? query : "?" + query);
    }
}
