using System.Globalization;
using Grastorp.Intake.Core.Digest.Message;

namespace Grastorp.Intake.Core.Tests.Digest.Message;

public class DigestPlainTextTests
{
    private static string Text(bool countsOnly = false) => DigestPlainText.Render(DigestSamples.View(countsOnly));

    private static string[] Lines(bool countsOnly = false) => Text(countsOnly).Split('\n');

    [Fact]
    public void It_opens_with_the_week_its_dates_and_the_count_per_municipality()
    {
        var lines = Lines();
        Assert.Equal("Trygghetstips vecka 48", lines[0]);
        Assert.Equal("6 nya meddelanden från invånarna vecka 48 (23–29 nov 2026): Grästorp 3, Vara 2, Essunga 1.", lines[1]);
    }

    [Fact]
    public void Counts_show_the_change_with_a_true_minus_and_the_four_week_average_with_a_decimal_comma()
    {
        var lines = Lines();
        var grastorp = Array.FindIndex(lines, l => l.StartsWith("Grästorp ", StringComparison.Ordinal));
        Assert.Matches(@"^  Alla\s+3\s+\u22122\s+4,3$", lines[grastorp + 1]);
        Assert.Matches(@"^  Droger\s+2\s+±0\s+1,5$", lines[grastorp + 2]);
        Assert.Matches(@"^  Trafik\s+2\s+\+1\s+1,3$", lines[grastorp + 3]);
        Assert.DoesNotContain("(-", Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_label_is_swedish_and_no_id_is_shown()
    {
        var text = Text();
        Assert.Contains("DROGER – 2", text, StringComparison.Ordinal);
        Assert.Contains("INBROTT OCH STÖLD – 2", text, StringComparison.Ordinal);
        Assert.Contains("IDÉER OCH SYNPUNKTER – 1", text, StringComparison.Ordinal);
        Assert.Contains("Grästorp · Tips · inkom tis 24 nov 21:05", text, StringComparison.Ordinal);
        Assert.Contains("Vara · Idé · inkom lör 28 nov 12:00", text, StringComparison.Ordinal);
        // Outside the links and the residents' own (quoted) words, no id is left.
        var ours = string.Join('\n', text.Split('\n').Where(l => !l.Contains("https://", StringComparison.Ordinal) && !l.StartsWith("    > ", StringComparison.Ordinal)));
        foreach (var id in new[] { "drugs", "traffic", "burglary", "other", "tip,", "idea", "grastorp", "essunga" })
        {
            Assert.DoesNotContain(id, ours, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_two_theme_tip_is_under_both_themes_and_says_so()
    {
        var text = Text();
        var drugs = text.IndexOf("DROGER – 2", StringComparison.Ordinal);
        var traffic = text.IndexOf("TRAFIK – 3", StringComparison.Ordinal);
        var burglary = text.IndexOf("INBROTT OCH STÖLD", StringComparison.Ordinal);
        var underDrugs = text.IndexOf("Även under: Trafik", drugs, StringComparison.Ordinal);
        var underTraffic = text.IndexOf("Även under: Droger", traffic, StringComparison.Ordinal);
        Assert.InRange(underDrugs, drugs, traffic);
        Assert.InRange(underTraffic, traffic, burglary);
        Assert.Contains("Varav 1 idé eller synpunkt", text[traffic..burglary], StringComparison.Ordinal);
    }

    [Fact]
    public void A_forged_place_stays_on_its_own_line_and_no_line_of_a_tip_looks_like_structure()
    {
        var lines = Lines();
        Assert.Contains("  Plats: [adress] Kontakt (med samtycke): [e-post]", lines);
        // Only the tips with a consented contact have a contact line, and it is labelled by the digest.
        Assert.Equal(
            ["  Kontakt (med samtycke): 070-123 45 67", "  Kontakt (med samtycke): 070-123 45 67", "  Kontakt (med samtycke): anna@example.se"],
            lines.Where(l => l.TrimStart().StartsWith("Kontakt", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("==", StringComparison.Ordinal) || l.StartsWith("[FAKE", StringComparison.Ordinal));
        Assert.Contains("    > == Droger (99) ==", lines);
        Assert.Contains("    > [FAKE000001] grastorp, tip[31m röd gnirts", lines);
    }

    [Fact]
    public void No_control_or_bidi_character_reaches_the_text()
    {
        Assert.DoesNotContain(Text(), c => (char.IsControl(c) && c != '\n') || c is '\u202E' or '\u202C' or '\u2066' or '\u200F');
    }

    [Fact]
    public void Links_are_absolute_and_lead_to_the_staff_tip_list()
    {
        var text = Text();
        Assert.Contains("  Tipset: https://tips.grastorp.example/personal/tips/K7QM3XDP2A", text, StringComparison.Ordinal);
        Assert.Contains("Personalens tipslista: https://tips.grastorp.example/personal/tips", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_text_is_cut_with_a_link_to_the_whole_tip()
    {
        var lines = Lines();
        var quoted = lines.Single(l => l.StartsWith("    > Bilar kör", StringComparison.Ordinal));
        Assert.EndsWith(" …", quoted, StringComparison.Ordinal);
        Assert.InRange(quoted.Length, 500, 620);
        Assert.Contains("  Hela tipset: https://tips.grastorp.example/personal/tips/L0NGTEXT77", lines);
    }

    [Fact]
    public void Late_tips_and_poisoned_messages_are_flagged()
    {
        var text = Text();
        Assert.Contains("OBS: 2 meddelanden kunde inte behandlas", text, StringComparison.Ordinal);
        Assert.Contains("SENA TIPS FRÅN VECKA 47 – 1", text, StringComparison.Ordinal);
        Assert.Contains("krossad ruta på kiosken", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_only_holds_no_word_a_resident_wrote()
    {
        var text = Text(countsOnly: true);
        foreach (var tip in new[] { DigestSamples.Dealing, DigestSamples.Hostile, DigestSamples.Shed, DigestSamples.Idea, DigestSamples.Late })
        {
            Assert.DoesNotContain(tip.Text[..20], text, StringComparison.Ordinal);
            Assert.DoesNotContain(tip.Reference, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("070-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Allégatan", text, StringComparison.Ordinal);
        Assert.Contains("DROGER – 2", text, StringComparison.Ordinal);
        Assert.Contains("Läs dem i personalens tipslista:\n- Grästorp: https://tips.grastorp.example/personal/tips?kommun=grastorp&vecka=2026-W48&tema=drugs\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    public void The_digest_reads_the_same_whatever_culture_the_host_runs_in(string culture)
    {
        // Hosts run under whatever culture the machine has; the kommunpolis must read 21:05, 2026 and 4,3.
        var expected = DigestSamples.View().Subject + Text();
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, DigestSamples.View().Subject + Text());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
