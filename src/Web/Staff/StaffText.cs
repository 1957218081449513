using System.Globalization;
using System.Resources;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Staff;

/// <summary>
/// Every label on the staff pages, from StaffText.resx (Swedish, the default) and StaffText.en.resx, and the names
/// the pages show for ids that stay ids in the API (roles, kinds, audit actions).
/// </summary>
public static class StaffText
{
    private static readonly ResourceManager Resources = new("Grastorp.Intake.Web.Staff.StaffText", typeof(StaffText).Assembly);

    public static string Get(string key, Language language, params object[] arguments)
    {
        var culture = language.Culture();
        var format = Resources.GetString(key, culture) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such staff text.");
        return arguments.Length == 0 ? format : string.Format(culture, format, arguments);
    }

    public static string RoleName(StaffRole role, Language language) => Get("Role" + role, language);

    public static string KindName(string? kind, Language language) => kind switch
    {
        "tip" => Get("KindTip", language),
        "idea" => Get("KindIdea", language),
        "feedback" => Get("KindFeedback", language),
        _ => StaffMessages.KindPlural(null, language),
    };

    public static string KindPlural(string? kind, Language language) => StaffMessages.KindPlural(kind, language);

    public static string ActionName(AuditAction action, Language language) => Get("Action" + action, language);

    /// <summary>The role column of the audit log by the role's name in the page's language; a role no longer known stays as stored.</summary>
    public static string AuditRole(string role, Language language) =>
        Enum.TryParse<StaffRole>(role, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? RoleName(parsed, language) : role;

    /// <summary>
    /// The audit log's "change" column in the page's language: stored as ids (<c>read</c>, <c>→ drugs, traffic</c>, a
    /// reply's length, a list's count), shown by their names; anything else is shown as stored.
    /// </summary>
    public static string AuditDetail(AuditEntry entry, Language language, Func<string, string> themeName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(themeName);
        var detail = entry.Detail ?? string.Empty;
        var number = new string([.. detail.TakeWhile(char.IsAsciiDigit)]);
        return entry.Action switch
        {
            AuditAction.Moved when detail.Length > 0 => FollowUp.StaffFollowUpText.StageName(detail, language),
            AuditAction.Corrected when detail.StartsWith("→ ", StringComparison.Ordinal) =>
                "→ " + string.Join(", ", detail[2..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(themeName)),
            AuditAction.Replied or AuditAction.Wrote when number.Length > 0 => Get("AuditDetailReplied", language, Number(int.Parse(number, CultureInfo.InvariantCulture), language)),
            AuditAction.ListViewed when number.Length > 0 => Get("AuditDetailListed", language, Number(int.Parse(number, CultureInfo.InvariantCulture), language)),
            _ => detail,
        };
    }

    public static string PersonalDataName(PersonalDataKind kind, Language language) => Get("PersonalData" + kind, language);

    public static string Number(int value, Language language) => value.ToString("N0", NumberCulture(language));

    /// <summary>A change with its sign and, when there is a base, in per cent: "+3 (+25 %)", "−2", "±0".</summary>
    public static string Change(int now, int before, Language language)
    {
        var difference = now - before;
        var sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
        var text = sign + Number(Math.Abs(difference), language);
        if (before > 0)
        {
            var percent = Math.Round(100.0 * difference / before);
            text += $" ({(percent > 0 ? "+" : percent < 0 ? "−" : "±")}{Math.Abs(percent):0} %)";
        }

        return text;
    }

    public static string Time(DateTimeOffset instant) =>
        Grastorp.Intake.Core.Calendar.SwedishTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The query field that carries a correction's outcome back to the list.</summary>
    public const string ResultField = "resultat";

    /// <summary>The correction form's hidden field that says which language the list it came from was in.</summary>
    public const string LanguageField = "lang";

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

    /// <summary>Back to the list the form was on (in its language), with the outcome. Only a query of plain characters is taken back.</summary>
    public static string AfterCorrection(string? returnQuery, CorrectionOutcome outcome, string? reference, Language language = Language.Swedish)
    {
        var query = returnQuery is { Length: < 400 } && returnQuery.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '&' or '-' or '_' or '%' or '.')
            ? returnQuery + "&"
            : string.Empty;
        var safeReference = Grastorp.Intake.Core.Tips.TipReference.TryParse(reference, out var parsed) ? parsed.Value : string.Empty;
        return $"{StaffPaths.In(language, StaffPaths.Tips)}?{query}{ResultField}={outcome.ToString().ToLowerInvariant()}&{TipCorrectionService.ReferenceField}={safeReference}#tip-{safeReference}";
    }

    public static string? CorrectionMessage(string? result, string? reference, Language language = Language.Swedish) => result switch
    {
        "corrected" => Get("Corrected", language, reference ?? string.Empty),
        "alreadyapplied" => Get("AlreadyApplied", language, reference ?? string.Empty),
        "unchanged" => Get("Unchanged", language, reference ?? string.Empty),
        "notfound" => Get("CorrectionNotFound", language, reference ?? string.Empty),
        _ => null,
    };

    // en-GB groups thousands with a comma, sv-SE with a (non-breaking) space.
    private static CultureInfo NumberCulture(Language language) => CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "sv-SE");
}
