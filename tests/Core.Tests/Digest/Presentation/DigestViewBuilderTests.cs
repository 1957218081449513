using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;

namespace Grastorp.Intake.Core.Tests.Digest.Presentation;

public class DigestViewBuilderTests
{
    [Fact]
    public void Unusual_rises_come_first_as_worth_a_look_in_both_parts_and_in_counts_only_lists_too()
    {
        var verdict = Grastorp.Intake.Core.Stats.EarlyWarning.EarlyWarningRule.Judge([1, 2, 1, 1, 2, 1, 1, 2, 7])!;
        var warning = new Grastorp.Intake.Core.Stats.EarlyWarning.EarlyWarning(new("vara", "Vara"), "burglary", "Inbrott och stöld", new(2026, 48), verdict);
        var digest = DigestSamples.Week48(countsOnly: true) with { Warnings = [warning] };

        var view = DigestSamples.ViewBuilder().Build(digest, 25, 600);
        var text = Grastorp.Intake.Core.Digest.Message.DigestPlainText.Render(view);

        Assert.Equal(["Ovanligt många tips om inbrott och stöld i Vara: 7 mot normalt 1–2 i veckan"], view.WorthALook);
        Assert.True(text.IndexOf("VÄRT EN TITT\n- Ovanligt många tips om inbrott", StringComparison.Ordinal) is > 0 and var at && at < text.IndexOf("ÖVERSIKT", StringComparison.Ordinal));
        Assert.Empty(DigestSamples.ViewBuilder().Build(DigestSamples.Week48(), 25, 600).WorthALook);
    }

    [Fact]
    public void The_subject_names_the_week_its_days_and_the_count_per_municipality()
    {
        Assert.Equal("Trygghetstips v. 48 (23–29 nov): 6 nya – Grästorp 3, Vara 2, Essunga 1", DigestSamples.View().Subject);
    }

    [Fact]
    public void A_week_across_two_months_names_both()
    {
        var digest = DigestSamples.Week48() with { Week = new Grastorp.Intake.Core.Calendar.WeekId(2026, 49) };
        Assert.StartsWith("Trygghetstips v. 49 (30 nov–6 dec): ", DigestSamples.ViewBuilder().Build(digest, 25, 600).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_theme_with_more_tips_than_the_cap_shows_the_newest_and_links_to_the_rest_in_each_municipalitys_list()
    {
        // Vara's tips are the older ones, so only a link can reach them: it must open Vara's list, not the default one.
        var tips = Enumerable.Range(0, 30)
            .Select(i => DigestSamples.Needles with { Reference = $"CAP{i:D7}", ReceivedAt = DigestSamples.Needles.ReceivedAt.AddMinutes(-i), Municipality = i < 26 ? "grastorp" : "vara" })
            .ToList();
        var digest = DigestSamples.Week48() with { TipsByTheme = [new ThemeTips("drugs", tips, 0)] };

        var section = DigestSamples.ViewBuilder().Build(digest, tipsPerTheme: 25, textLength: 600).Sections[0];

        Assert.Equal("Droger – 30", section.Heading);
        Assert.Equal(tips.Take(25).Select(t => t.Reference), section.Tips.Select(t => t.Reference));
        Assert.Equal("5 till visas i personalens tipslista:", section.More);
        Assert.Equal(
            [("Grästorp", "https://tips.grastorp.example/personal/tips?kommun=grastorp&vecka=2026-W48&tema=drugs"), ("Vara", "https://tips.grastorp.example/personal/tips?kommun=vara&vecka=2026-W48&tema=drugs")],
            section.Lists.Select(l => (l.Municipality, l.Link.AbsoluteUri)));
    }

    [Fact]
    public void Counts_only_lists_no_tips_but_keeps_every_heading_count_and_link()
    {
        var view = DigestSamples.View(countsOnly: true);
        Assert.True(view.CountsOnly);
        Assert.All(view.Sections, s => Assert.Empty(s.Tips));
        Assert.All(view.Sections, s => Assert.NotEmpty(s.Lists));
        Assert.Equal(["Droger – 2", "Trafik – 3", "Inbrott och stöld – 2", "Idéer och synpunkter – 1", "Sena tips från vecka 47 – 1"], view.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Several_municipalities_get_a_table_for_all_of_them_first()
    {
        var view = DigestSamples.View();
        Assert.Equal(["Alla kommuner", "Grästorp", "Vara", "Essunga"], view.Counts.Select(t => t.Caption));
        var all = view.Counts[0].Rows;
        Assert.Equal(("Alla", "6", "±0", "6,5"), (all[0].Label, all[0].Count, all[0].Change, all[0].Average));
        Assert.Equal(("Trafik", "3", "+2", "2,0"), (all[2].Label, all[2].Count, all[2].Change, all[2].Average));
    }

    [Fact]
    public void A_theme_from_an_extra_lexicon_keeps_a_readable_name()
    {
        var tip = DigestSamples.Needles with { Themes = ["miljo_och_ljus"] };
        var digest = DigestSamples.Week48() with { TipsByTheme = [new ThemeTips("miljo_och_ljus", [tip], 0)] };
        Assert.Equal("Miljo och ljus – 1", DigestSamples.ViewBuilder().Build(digest, 25, 600).Sections[0].Heading);
    }

    [Fact]
    public void An_unknown_municipality_id_on_an_old_tip_is_shown_as_it_is_stored()
    {
        StoredTip tip = DigestSamples.Needles with { Municipality = "lerum" };
        var digest = DigestSamples.Week48() with { TipsByTheme = [new ThemeTips("drugs", [tip], 0)] };
        Assert.StartsWith("lerum · Tips", DigestSamples.ViewBuilder().Build(digest, 25, 600).Sections[0].Tips[0].Meta, StringComparison.Ordinal);
    }

    [Fact]
    public void Personal_data_in_text_and_place_is_masked_but_the_residents_own_contact_is_not()
    {
        var digest = DigestSamples.Week48() with { TipsByTheme = [new ThemeTips("drugs", [DigestSamples.PlantedPersonalData], 0)] };

        var tip = DigestSamples.ViewBuilder().Build(digest, 25, 600).Sections[0].Tips[0];

        Assert.Equal(
            "Han heter Nils, personnummer [personnummer] (eller [personnummer]), och säljer från bilen [regnr].\nRing honom på [telefon] eller skriv till [e-post]. Han bor på [adress].",
            tip.Text);
        Assert.Equal("Utanför [adress], bilen [regnr]", tip.Place);
        Assert.Equal("072-555 12 34", tip.Contact);
    }

    [Fact]
    public void An_invisible_character_inside_a_personnummer_does_not_hide_it_from_masking()
    {
        var tip = DigestSamples.PlantedPersonalData with { Text = "Personnummer 1981\u200B1218\u00AD-98\u200D76 står på lappen, bilen ABC\u2060 123." };
        var digest = DigestSamples.Week48() with { TipsByTheme = [new ThemeTips("drugs", [tip], 0)] };

        var view = DigestSamples.ViewBuilder().Build(digest, 25, 600).Sections[0].Tips[0];

        Assert.Equal("Personnummer [personnummer] står på lappen, bilen [regnr].", view.Text);
    }

    [Fact]
    public void A_repeated_place_is_masked_an_address_keeps_its_street_and_counts_only_lists_get_no_place_names()
    {
        var digest = DigestSamples.Week48() with
        {
            FollowUp =
            [
                DigestSamples.FollowUp[0] with
                {
                    RepeatedPlaces =
                    [
                        new Core.Places.RepeatedPlace("storgatan", "Storgatan 5B", 4, ["traffic"]),
                        new Core.Places.RepeatedPlace("nils example se", "nils.nilsson@example.se", 3, ["drugs"]),
                        new Core.Places.RepeatedPlace("abc", "bilen ABC 123", 3, ["traffic"]),
                    ],
                },
            ],
        };

        var followUp = DigestSamples.ViewBuilder().Build(digest, 25, 600).FollowUp!;
        var countsOnly = DigestSamples.ViewBuilder().Build(digest with { Recipients = new Core.Digest.Settings.DigestRecipientList { Id = "kommun", Addresses = ["kommun@example.se"], Audience = Core.Digest.Settings.DigestAudience.Kommun } }, 25, 600).FollowUp!;

        // The street without its number, from the matcher's key; an e-mail address or a plate stays masked whole.
        Assert.Equal(["[adress] (storgatan)", "[e-post]", "bilen [regnr]"], followUp.Places.Select(p => p.Place));
        Assert.Equal(["Trafik", "Droger", "Trafik"], followUp.Places.Select(p => p.Themes));
        Assert.Empty(countsOnly.Places);
        Assert.Equal("3 platser har nämnts i 3 eller fler tips de senaste 4 veckorna. Se vilka i personalens tipslista.", countsOnly.PlacesEmpty);
        Assert.Equal(["Alla tips", "Polisen gör trafikkontroller med inriktning på drogpåverkade förare, hastighet och farligt körsätt.", "Polisen besöker skolor och träffar ungdomar, och arbetar drogförebyggande tillsammans med socialtjänsten och skolan.", "Polisen och kommunen sprider information om Grannsamverkan, så att fler bostadsområden kan komma igång."], followUp.Tables[0].Rows.Select(r => r.Label));
        Assert.Equal(("3", "2"), (followUp.Tables[0].Rows[0].Unread, followUp.Tables[0].Rows[0].Stale));
    }

    [Fact]
    public void A_digest_without_follow_up_data_has_no_follow_up_section()
    {
        Assert.Null(DigestSamples.ViewBuilder().Build(DigestSamples.Week48() with { FollowUp = [] }, 25, 600).FollowUp);
        Assert.Equal("Ingen plats har nämnts i 3 eller fler tips de senaste 4 veckorna.", DigestSamples.ViewBuilder().Build(DigestSamples.Week48() with { FollowUp = [DigestSamples.FollowUp[2]] }, 25, 600).FollowUp!.PlacesEmpty);
    }
}
