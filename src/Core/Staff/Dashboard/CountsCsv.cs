using CsvHelper;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>
/// The dashboard's table as a CSV that Swedish Excel opens as it is: UTF-8 with a byte order mark (else å, ä, ö
/// break), <c>;</c> between fields (Swedish Excel reads <c>,</c> as the decimal sign), a Swedish header row, and
/// weeks as text (<c>2026-W48</c>). Text cells that start with = + - @ tab or CR get a leading apostrophe, so a
/// name that looks like a formula is shown, never run (CSV injection).
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
            csv.WriteHeader(["Vecka", "Kommun", "Typ", .. view.Themes.Select(t => t.Name), "Alla tips"]);
            foreach (var week in view.Series.Weeks)
            {
                csv.WriteRecord([week.Week.ToString(), view.ScopeName, KindName(view.Query.Kind), .. view.Themes.Select(t => Number(week.Themes.GetValueOrDefault(t.Id))), Number(week.Tips)]);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The file name a download gets: what, where and which weeks.</summary>
    public static string FileName(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"tips-{view.Query.Municipality}-{view.Query.From}-{view.Query.To}.csv";
    }

    public static string KindName(string kind) => kind switch
    {
        "tip" => "Tips",
        "idea" => "Idéer",
        "feedback" => "Synpunkter",
        _ => "Alla typer",
    };

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
