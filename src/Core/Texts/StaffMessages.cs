using System.Globalization;
using System.Resources;

namespace Grastorp.Intake.Core.Texts;

/// <summary>
/// What Core tells staff: the filter forms' field errors, and the words of the CSV export (header, kinds, "all
/// municipalities"), from StaffMessages.resx (Swedish) and StaffMessages.en.resx. The staff pages' own labels live in
/// the Web project; these are here because Core's parsers and CSV writer produce them.
/// </summary>
public static class StaffMessages
{
    public const string MunicipalityUnknown = nameof(MunicipalityUnknown);
    public const string MunicipalityNotYours = nameof(MunicipalityNotYours);
    public const string NoMunicipality = nameof(NoMunicipality);
    public const string PeriodUnknown = nameof(PeriodUnknown);
    public const string FromWeekFormat = nameof(FromWeekFormat);
    public const string ToWeekFormat = nameof(ToWeekFormat);
    public const string FromAfterTo = nameof(FromAfterTo);
    public const string TooManyWeeks = nameof(TooManyWeeks);
    public const string KindUnknown = nameof(KindUnknown);
    public const string WeekFormat = nameof(WeekFormat);
    public const string ThemeUnknown = nameof(ThemeUnknown);
    public const string AllMunicipalities = nameof(AllMunicipalities);
    public const string CsvWeek = nameof(CsvWeek);
    public const string CsvMunicipality = nameof(CsvMunicipality);
    public const string CsvKind = nameof(CsvKind);
    public const string CsvAllTips = nameof(CsvAllTips);
    public const string CsvTotal = nameof(CsvTotal);

    private static readonly ResourceManager Resources = new("Grastorp.Intake.Core.Texts.StaffMessages", typeof(StaffMessages).Assembly);

    public static string Get(string key, Language language, params object[] arguments)
    {
        var culture = language.Culture();
        var format = Resources.GetString(key, culture) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such message.");
        return arguments.Length == 0 ? format : string.Format(culture, format, arguments);
    }

    /// <summary>A kind's plural name (<c>tip</c>, <c>idea</c>, <c>feedback</c>; anything else is all kinds).</summary>
    public static string KindPlural(string? kind, Language language) => Get(
        kind switch
        {
            "tip" => "KindsTip",
            "idea" => "KindsIdea",
            "feedback" => "KindsFeedback",
            _ => "KindsAll",
        },
        language);
}
