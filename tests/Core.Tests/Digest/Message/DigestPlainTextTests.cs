using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Digest;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Tests.Digest;

public class DigestTextTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static readonly StoredTip Dealing = new(
        "AAAAAAAAA1", "grastorp", "tip", "Langning bakom idrottshallen på kvällarna.", "Idrottshallen",
        new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.Zero), "070-123 45 67", Received, ["drugs", "traffic"]);

    private static readonly StoredTip Needles = new(
        "AAAAAAAAA2", "grastorp", "tip", "Sprutor hittade i parken vid skolan.", null, null, null, Received, ["drugs"]);

    private static readonly StoredTip Speeding = new(
        "AAAAAAAAA3", "vara", "idea", "Sätt upp fartkamera på Allégatan.", "Allégatan", null, null, Received, ["traffic"]);

    private static WeeklyDigest Digest() => new(
        new WeekId(2026, 48),
        new DigestRecipientList { Id = "kommunpolis", Addresses = ["kommunpolis@example.se"] },
        ["drugs", "traffic"],
        [
            new MunicipalityDigest(
                new Municipality("grastorp", "Grästorp"),
                new ThemeCount("all", 2, 5),
                [new ThemeCount("drugs", 2, 2), new ThemeCount("traffic", 1, 0)]),
            new MunicipalityDigest(
                new Municipality("vara", "Vara"),
                new ThemeCount("all", 1, 0),
                [new ThemeCount("drugs", 0, 3), new ThemeCount("traffic", 1, 0)]),
        ],
        [new ThemeTips("drugs", [Dealing, Needles]), new ThemeTips("traffic", [Speeding])]);

    private static string[] Lines(string text) => text.Split(Environment.NewLine);

    [Fact]
    public void The_subject_names_the_week_and_the_number_of_tips()
    {
        var subject = DigestText.Subject(Digest());
        Assert.Contains("2026-W48", subject, StringComparison.Ordinal);
        Assert.Contains("3 tips", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_opens_with_the_week_and_its_dates()
    {
        var first = Lines(DigestText.Body(Digest()))[0];
        Assert.Contains("vecka 48", first, StringComparison.Ordinal);
        Assert.Contains("2026-11-23", first, StringComparison.Ordinal);
        Assert.Contains("2026-11-29", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_municipality_is_named_with_its_total_and_signed_change()
    {
        var lines = Lines(DigestText.Body(Digest()));
        Assert.Contains("Grästorp: 2 tips (\u22123)", lines);
        Assert.Contains("Vara: 1 tips (+1)", lines);
    }

    [Fact]
    public void Each_theme_count_shows_its_change_with_a_true_minus_and_plus_minus_zero()
    {
        var lines = Lines(DigestText.Body(Digest()));
        var grastorp = Array.IndexOf(lines, "Grästorp: 2 tips (\u22123)");
        var vara = Array.IndexOf(lines, "Vara: 1 tips (+1)");
        Assert.True(grastorp >= 0 && vara > grastorp);

        string ThemeLine(int from, string theme) => lines.Skip(from + 1).First(l => l.TrimStart().StartsWith(theme + " ", StringComparison.Ordinal));
        Assert.Matches(@"^\s+drugs\s+2 \(±0\)$", ThemeLine(grastorp, "drugs"));
        Assert.Matches(@"^\s+traffic\s+1 \(\+1\)$", ThemeLine(grastorp, "traffic"));
        Assert.Matches(@"^\s+drugs\s+0 \(\u22123\)$", ThemeLine(vara, "drugs"));
    }

    [Fact]
    public void Negative_changes_never_use_the_ascii_hyphen()
    {
        var body = DigestText.Body(Digest());
        Assert.DoesNotContain("(-", body, StringComparison.Ordinal);
        Assert.DoesNotContain("(+0)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Tips_are_listed_under_their_theme_heading()
    {
        var body = DigestText.Body(Digest());
        var drugs = body.IndexOf("== drugs (2) ==", StringComparison.Ordinal);
        var traffic = body.IndexOf("== traffic (1) ==", StringComparison.Ordinal);
        Assert.True(drugs >= 0 && traffic > drugs);

        int At(string reference) => body.IndexOf($"[{reference}]", StringComparison.Ordinal);
        Assert.InRange(At(Dealing.Reference), drugs, traffic);
        Assert.InRange(At(Needles.Reference), drugs, traffic);
        Assert.True(At(Speeding.Reference) > traffic);
    }

    [Fact]
    public void A_tip_shows_its_municipality_kind_themes_place_text_and_local_observation_time()
    {
        var lines = Lines(DigestText.Body(Digest()));
        var header = Array.FindIndex(lines, l => l.StartsWith("[AAAAAAAAA1]", StringComparison.Ordinal));
        Assert.Equal("[AAAAAAAAA1] grastorp, tip, teman: drugs, traffic, observerat 2026-11-24 18:30", lines[header]);
        Assert.Equal("Plats: Idrottshallen", lines[header + 1]);
        Assert.Equal(Dealing.Text, lines[header + 2]);
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    public void The_digest_reads_the_same_whatever_culture_the_host_runs_in(string culture)
    {
        // Hosts run under whatever culture the machine has; the kommunpolis must read 18:30 and 2026, not 18.30 or 1448.
        var expected = DigestText.Subject(Digest()) + DigestText.Body(Digest());
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, DigestText.Subject(Digest()) + DigestText.Body(Digest()));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void A_tip_without_place_or_observation_time_has_no_such_lines()
    {
        var lines = Lines(DigestText.Body(Digest()));
        var header = Array.FindIndex(lines, l => l.StartsWith("[AAAAAAAAA2]", StringComparison.Ordinal));
        Assert.Equal("[AAAAAAAAA2] grastorp, tip, teman: drugs", lines[header]);
        Assert.Equal(Needles.Text, lines[header + 1]);
    }

    [Fact]
    public void The_contact_is_shown_only_for_the_tip_that_has_one()
    {
        var lines = Lines(DigestText.Body(Digest()));
        var contacts = lines.Where(l => l.StartsWith("Kontakt", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Kontakt (med samtycke): 070-123 45 67"], contacts);
        var header = Array.FindIndex(lines, l => l.StartsWith("[AAAAAAAAA1]", StringComparison.Ordinal));
        Assert.Equal(contacts[0], lines[header + 3]);
    }

    [Fact]
    public void A_week_without_tips_still_lists_every_municipality()
    {
        var empty = new WeeklyDigest(
            new WeekId(2026, 53),
            new DigestRecipientList { Id = "kommunpolis", Addresses = ["kommunpolis@example.se"] },
            [],
            [
                new MunicipalityDigest(new Municipality("grastorp", "Grästorp"), new ThemeCount("all", 0, 0), []),
                new MunicipalityDigest(new Municipality("essunga", "Essunga"), new ThemeCount("all", 0, 4), []),
            ],
            []);

        Assert.Contains("2026-W53", DigestText.Subject(empty), StringComparison.Ordinal);
        Assert.Contains("0 tips", DigestText.Subject(empty), StringComparison.Ordinal);
        var lines = Lines(DigestText.Body(empty));
        Assert.Contains("Grästorp: 0 tips (±0)", lines);
        Assert.Contains("Essunga: 0 tips (\u22124)", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("==", StringComparison.Ordinal));
    }

    [Fact]
    public void The_operation_id_is_the_same_for_every_attempt_at_a_week_and_list()
    {
        Assert.Equal("digest-2026-W48-kommunpolis", Digest().OperationId);
        Assert.Equal(Digest().OperationId, Digest().OperationId);
    }
}
