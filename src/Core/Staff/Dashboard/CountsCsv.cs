using CsvHelper;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>
/// The dashboard's table as a CSV that Swedish Excel opens as it is: UTF-8 with a byte order mark (else å, ä, ö
/// break), <c>;</c> between fields (Swedish Excel reads <c>,</c> as the decimal sign), a header row in the view's
/// language (Swedish unless asked for from the English page; BOM and <c>;</c> stay, the readers are in Sweden), and
/// weeks as text (<c>2026-W48</c>). Text cells that start with = + - @ tab or CR get a leading apostrophe, so a
/// name that looks like a formula is shown, never run (CSV injection). A last row, "Summa", holds the period's totals.
/// </summary>
public static class CountsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            var language = view.Language;
            csv.WriteHeader([Text(StaffMessages.CsvWeek), Text(StaffMessages.CsvMunicipality), Text(StaffMessages.CsvKind), .. view.Themes.Select(t => t.Name), Text(StaffMessages.CsvAllTips)]);
            var kind = StaffMessages.KindPlural(view.Query.Kind, language);
            foreach (var week in view.Series.Weeks)
            {
                csv.WriteRecord([week.Week.ToString(), view.ScopeName, kind, .. view.Themes.Select(t => Number(week.Themes.GetValueOrDefault(t.Id))), Number(week.Tips)]);
            }

            // The period's totals last, as the dashboard shows them: a sheet needs no formula to see them.
            var total = view.Series.Total;
            csv.WriteRecord([Text(StaffMessages.CsvTotal), view.ScopeName, kind, .. view.Themes.Select(t => Number(total.Themes.GetValueOrDefault(t.Id))), Number(total.Tips)]);
        }

        return buffer.ToArray();

        string Text(string key) => StaffMessages.Get(key, view.Language);
    }

    /// <summary>The file name a download gets: what, where and which weeks.</summary>
    public static string FileName(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"tips-{view.Query.Municipality}-{view.Query.From}-{view.Query.To}.csv";
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
