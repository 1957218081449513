using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Core.Texts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>Every wrong value of the dashboard's form is a message at its field, in the page's language; none throws.</summary>
public sealed class DashboardParserTests
{
    private static readonly DashboardParser Parser = new(
        new MunicipalityCatalog(Options.Create(new MunicipalityOptions())),
        new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("lund", "veckor", "2026-W40", "2026-W48", "alla", "kommun", "Välj en kommun i listan.", "Choose a municipality from the list.")]
    [InlineData("alla", "veckor", "2026-W48", "2026-W40", "alla", "fran", "Från-veckan måste vara samma som eller före till-veckan.", "The from week must be the same as or before the to week.")]
    [InlineData("alla", "veckor", "v48", "2026-W48", "alla", "fran", "Skriv från-veckan som år och vecka, till exempel 2026-W40.", "Enter the from week as year and week, for example 2026-W40.")]
    [InlineData("alla", "veckor", "2026-W40", "2026-W99", "alla", "till", "Skriv till-veckan som år och vecka, till exempel 2026-W48.", "Enter the to week as year and week, for example 2026-W48.")]
    [InlineData("alla", "veckor", "2020-W01", "2026-W48", "alla", "fran", "Välj en period på högst 106 veckor.", "Choose a period of at most 106 weeks.")]
    [InlineData("alla", "senaste-8", null, null, "brott", "typ", "Välj tips, idéer eller synpunkter i listan.", "Choose tips, ideas or feedback from the list.")]
    [InlineData("alla", "i-morgon", null, null, "alla", "period", "Välj en period i listan.", "Choose a period from the list.")]
    public void A_wrong_value_is_a_message_at_its_field_in_the_pages_language(
        string municipality, string period, string? from, string? to, string kind, string field, string swedish, string english)
    {
        var request = new DashboardRequest(municipality, period, from, to, kind);

        var (query, errors) = Parser.Parse(request, Language.Swedish);
        Assert.Null(query);
        Assert.Equal([field], errors.Keys);
        Assert.Equal([swedish], errors[field]);

        var (_, inEnglish) = Parser.Parse(request, Language.English);
        Assert.Equal([english], inEnglish[field]);
    }

    [Fact]
    public void Good_values_make_a_query_and_no_errors()
    {
        var (query, errors) = Parser.Parse(new DashboardRequest("vara", "veckor", "2026-W40", "2026-W48", "tip"), Language.English);

        Assert.Empty(errors);
        Assert.Equal("vara", query!.Municipality);
        Assert.Equal("2026-W40", query.From.ToString());
        Assert.Equal("2026-W39", query.Previous.To.ToString());
    }
}
