using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Intake;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Tips.Intake;

public class TipValidatorTests
{
    private const string ValidText = "Bil kör för fort förbi skolan varje morgon.";

    // Friday 2026-11-20 13:00 in Sweden (CET).
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly TipValidator _validator;

    public TipValidatorTests()
    {
        _validator = new TipValidator(new MunicipalityCatalog(Options.Create(new MunicipalityOptions())), _time);
    }

    private TipValidationResult Validate(params (string Field, string? Value)[] fields)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [TipFields.Text] = ValidText };
        foreach (var (field, value) in fields)
        {
            map[field] = value;
        }

        return _validator.Validate(map);
    }

    private static TipContent Valid(TipValidationResult result)
    {
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        return result.Tip!;
    }

    private static void InvalidOnlyIn(TipValidationResult result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Tip);
        Assert.Equal([field], result.Errors.Keys);
        Assert.NotEmpty(result.Errors[field]);
    }

    [Theory]
    [InlineData("self", "self")]
    [InlineData(" Told ", "told")]
    [InlineData("online", "online")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void How_the_resident_knows_is_optional_and_one_of_three(string? given, string? stored)
    {
        Assert.Equal(stored, Valid(Validate((TipFields.Source, given))).Source);
    }

    [Fact]
    public void An_e_mail_notice_is_kept_only_with_a_consented_e_mail_contact_and_otherwise_told_how_to_get_it()
    {
        Assert.True(Valid(Validate((TipFields.Contact, " eva@example.se "), (TipFields.Consent, "true"), (TipFields.Notify, "true"))).NotifyByEmail);
        Assert.False(Valid(Validate((TipFields.Contact, "eva@example.se"), (TipFields.Consent, "true"))).NotifyByEmail);
        Assert.False(Valid(Validate((TipFields.Notify, "false"))).NotifyByEmail);

        var noConsent = Validate((TipFields.Contact, "eva@example.se"), (TipFields.Notify, "on"));
        var phone = Validate((TipFields.Contact, "070-123 45 67"), (TipFields.Consent, "true"), (TipFields.Notify, "on"));
        var nothing = Validate((TipFields.Notify, "ja"), (TipFields.Language, "sv"));
        InvalidOnlyIn(noConsent, TipFields.Notify);
        InvalidOnlyIn(phone, TipFields.Notify);
        Assert.Equal(["Skriv din e-postadress som kontaktuppgift och kryssa i samtycket om du vill få ett mejl när kommunpolisen skriver"], nothing.Errors[TipFields.Notify]);
        InvalidOnlyIn(Validate((TipFields.Notify, "maybe")), TipFields.Notify);
    }

    [Theory]
    [InlineData("eva@example.se", true)]
    [InlineData(" eva.svensson@grastorp.se ", true)]
    [InlineData("Eva <eva@example.se>", false)]
    [InlineData("eva@example.se, per@example.se", false)]
    [InlineData("eva@localhost", false)]
    [InlineData("070-123 45 67", false)]
    [InlineData("Ring mig på 0701234567 eller eva@example.se", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_notice_goes_only_to_a_contact_that_is_one_bare_e_mail_address(string? contact, bool isAddress)
    {
        Assert.Equal(isAddress, TipsterEmail.TryRead(contact, out var address));
        Assert.Equal(isAddress ? contact!.Trim() : null, address);
    }

    [Fact]
    public void How_the_resident_knows_refuses_an_answer_the_form_does_not_offer()
    {
        InvalidOnlyIn(Validate((TipFields.Source, "rumour")), TipFields.Source);
    }

    [Fact]
    public void A_text_alone_is_a_tip_in_grastorp_with_nothing_else()
    {
        var tip = Valid(_validator.Validate(new Dictionary<string, string?> { [TipFields.Text] = ValidText }));
        Assert.Equal(ValidText, tip.Text);
        Assert.Equal(TipKind.Tip, tip.Kind);
        Assert.Equal("grastorp", tip.Municipality.Id);
        Assert.Null(tip.Place);
        Assert.Null(tip.ObservedAt);
        Assert.Null(tip.Contact);
    }

    [Fact]
    public void The_text_is_trimmed()
    {
        Assert.Equal(ValidText, Valid(Validate((TipFields.Text, "  \n" + ValidText + "\t "))).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    \n\t ")]
    public void A_missing_or_blank_text_is_refused(string? text)
    {
        InvalidOnlyIn(Validate((TipFields.Text, text)), TipFields.Text);
    }

    [Fact]
    public void A_submission_without_a_text_field_is_refused_on_text()
    {
        InvalidOnlyIn(_validator.Validate(new Dictionary<string, string?>()), TipFields.Text);
    }

    [Fact]
    public void Ten_characters_after_trimming_is_the_shortest_text()
    {
        InvalidOnlyIn(Validate((TipFields.Text, "   123456789   ")), TipFields.Text);
        Assert.Equal("1234567890", Valid(Validate((TipFields.Text, "   1234567890   "))).Text);
    }

    [Fact]
    public void Four_thousand_characters_after_trimming_is_the_longest_text()
    {
        Assert.Equal(4000, Valid(Validate((TipFields.Text, "  " + new string('a', 4000) + "  "))).Text.Length);
        InvalidOnlyIn(Validate((TipFields.Text, new string('a', 4001))), TipFields.Text);
    }

    [Theory]
    [InlineData(null, TipKind.Tip)]
    [InlineData("", TipKind.Tip)]
    [InlineData("tip", TipKind.Tip)]
    [InlineData("idea", TipKind.Idea)]
    [InlineData("IDEA", TipKind.Idea)]
    [InlineData(" feedback ", TipKind.Feedback)]
    public void The_kind_defaults_to_tip_and_reads_any_case(string? kind, TipKind expected)
    {
        Assert.Equal(expected, Valid(Validate((TipFields.Kind, kind))).Kind);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("idea,feedback")]
    [InlineData("tip, idea")]
    [InlineData("tip,feedback")]
    [InlineData("tips")]
    public void A_kind_that_is_not_a_named_kind_is_refused(string kind)
    {
        InvalidOnlyIn(Validate((TipFields.Kind, kind)), TipFields.Kind);
    }

    [Theory]
    [InlineData(null, "grastorp")]
    [InlineData("Vara", "vara")]
    [InlineData("vara", "vara")]
    [InlineData("GRASTORP", "grastorp")]
    [InlineData("Grästorp", "grastorp")]
    [InlineData(" essunga ", "essunga")]
    public void The_municipality_defaults_to_grastorp_and_is_found_by_id_or_name(string? municipality, string expected)
    {
        Assert.Equal(expected, Valid(Validate((TipFields.Municipality, municipality))).Municipality.Id);
    }

    [Theory]
    [InlineData("Lidköping")]
    [InlineData("gothenburg")]
    public void An_unknown_municipality_is_refused_with_the_known_ids(string municipality)
    {
        var result = Validate((TipFields.Municipality, municipality));
        InvalidOnlyIn(result, TipFields.Municipality);
        Assert.Contains("grastorp, vara, essunga", result.Errors[TipFields.Municipality][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_may_have_two_hundred_characters_but_not_more()
    {
        Assert.Equal(200, Valid(Validate((TipFields.Place, " " + new string('p', 200) + " "))).Place!.Length);
        InvalidOnlyIn(Validate((TipFields.Place, new string('p', 201))), TipFields.Place);
    }

    [Fact]
    public void A_blank_place_is_no_place()
    {
        Assert.Null(Valid(Validate((TipFields.Place, "   "))).Place);
    }

    [Fact]
    public void A_date_alone_is_midnight_swedish_time()
    {
        var observed = Valid(Validate((TipFields.ObservedAt, "2026-11-19"))).ObservedAt;
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 23, 0, 0, TimeSpan.Zero), observed);
    }

    [Theory]
    [InlineData("2026-11-19T18:30", "2026-11-19T17:30:00Z")]
    [InlineData("2026-11-19T18:30:15", "2026-11-19T17:30:15Z")]
    [InlineData("2026-07-01T18:30", "2026-07-01T16:30:00Z")]
    [InlineData("2026-03-29T02:30", "2026-03-29T01:30:00Z")] // skipped by the spring change: read as 03:30 CEST
    public void A_time_without_an_offset_is_swedish_time(string value, string expectedUtc)
    {
        var observed = Valid(Validate((TipFields.ObservedAt, value))).ObservedAt;
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), observed);
    }

    [Theory]
    [InlineData("2026-11-19T18:30:00Z", "2026-11-19T18:30:00Z")]
    [InlineData("2026-11-19T18:30:00+00:00", "2026-11-19T18:30:00Z")]
    [InlineData("2026-11-19T18:30:00-05:00", "2026-11-19T23:30:00Z")]
    [InlineData("2026-11-19T18:30+01:00", "2026-11-19T17:30:00Z")]
    public void A_time_with_an_offset_keeps_its_instant(string value, string expectedUtc)
    {
        var observed = Valid(Validate((TipFields.ObservedAt, value))).ObservedAt;
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), observed);
    }

    [Fact]
    public void A_time_up_to_five_minutes_ahead_is_accepted_for_drifting_phone_clocks()
    {
        // Now is 13:00 local.
        Assert.NotNull(Valid(Validate((TipFields.ObservedAt, "2026-11-20T13:05"))).ObservedAt);
        Assert.NotNull(Valid(Validate((TipFields.ObservedAt, "2026-11-20"))).ObservedAt);
    }

    [Theory]
    [InlineData("2026-11-20T13:06")]
    [InlineData("2026-11-20T12:06:00Z")]
    [InlineData("2026-11-21")]
    [InlineData("2030-01-01T00:00")]
    public void A_time_more_than_five_minutes_in_the_future_is_refused(string value)
    {
        InvalidOnlyIn(Validate((TipFields.ObservedAt, value)), TipFields.ObservedAt);
    }

    [Fact]
    public void The_future_is_judged_by_the_injected_clock()
    {
        InvalidOnlyIn(Validate((TipFields.ObservedAt, "2026-11-21T10:00")), TipFields.ObservedAt);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(Valid(Validate((TipFields.ObservedAt, "2026-11-21T10:00"))).ObservedAt);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Tuesday")]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-31")]
    [InlineData("2026-11-19T25:00")]
    [InlineData("20/11/2026")]
    [InlineData("2026-11-19 18:30")]
    [InlineData("T")]
    public void A_time_that_cannot_be_read_is_refused(string value)
    {
        InvalidOnlyIn(Validate((TipFields.ObservedAt, value)), TipFields.ObservedAt);
    }

    [Theory]
    [InlineData("2026-11-19T18:30+15:00")]
    [InlineData("0001-01-01T00:00+01:00")]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T00:30")]
    public void A_time_that_is_no_real_instant_is_refused_rather_than_thrown(string value)
    {
        // The validator is the only guard in front of the queue: an exception here is a 500 instead of a 400.
        var result = Validate((TipFields.ObservedAt, value));
        InvalidOnlyIn(result, TipFields.ObservedAt);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("1970-01-01T00:00")]
    public void A_time_before_the_year_2000_is_refused_as_too_far_back(string value)
    {
        InvalidOnlyIn(Validate((TipFields.ObservedAt, value)), TipFields.ObservedAt);
    }

    [Fact]
    public void The_first_day_of_2000_in_utc_is_still_accepted()
    {
        Assert.Equal(
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Valid(Validate((TipFields.ObservedAt, "2000-01-01T00:00:00Z"))).ObservedAt);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("ja")]
    [InlineData("1")]
    public void A_contact_is_kept_when_the_resident_consents(string consent)
    {
        var tip = Valid(Validate((TipFields.Contact, " 070-123 45 67 "), (TipFields.Consent, consent)));
        Assert.Equal("070-123 45 67", tip.Contact);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    [InlineData("off")]
    [InlineData("nej")]
    [InlineData("0")]
    public void A_contact_is_dropped_without_consent(string? consent)
    {
        var tip = Valid(Validate((TipFields.Contact, "070-123 45 67"), (TipFields.Consent, consent)));
        Assert.Null(tip.Contact);
    }

    [Fact]
    public void Consent_that_is_neither_yes_nor_no_is_refused()
    {
        InvalidOnlyIn(Validate((TipFields.Contact, "070-123 45 67"), (TipFields.Consent, "maybe")), TipFields.Consent);
    }

    [Fact]
    public void A_contact_longer_than_two_hundred_characters_is_refused()
    {
        InvalidOnlyIn(Validate((TipFields.Contact, new string('c', 201)), (TipFields.Consent, "on")), TipFields.Contact);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        var result = Validate(
            (TipFields.Text, "kort"),
            (TipFields.Kind, "x"),
            (TipFields.Municipality, "Lidköping"),
            (TipFields.Place, new string('p', 201)),
            (TipFields.ObservedAt, "nope"),
            (TipFields.Consent, "maybe"));

        Assert.Null(result.Tip);
        Assert.Equal(
            new[] { TipFields.Consent, TipFields.Kind, TipFields.Municipality, TipFields.ObservedAt, TipFields.Place, TipFields.Text }.Order(StringComparer.Ordinal),
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, messages => Assert.Single(messages));
    }

    [Fact]
    public void Error_messages_never_repeat_what_the_resident_wrote()
    {
        const string Secret = "HEMLIGT7Q";
        var result = Validate(
            (TipFields.Text, Secret + new string('x', 4000)),
            (TipFields.Kind, Secret),
            (TipFields.Municipality, Secret),
            (TipFields.Place, Secret + new string('p', 200)),
            (TipFields.ObservedAt, "2026-11-19T" + Secret),
            (TipFields.Contact, Secret + new string('c', 200)),
            (TipFields.Consent, Secret));

        Assert.Equal(7, result.Errors.Count);
        Assert.All(result.Errors.Values.SelectMany(m => m), message => Assert.DoesNotContain(Secret, message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Length_is_counted_in_characters_as_a_resident_sees_them_not_in_UTF16_units()
    {
        // Five letters and five emoji are ten characters (fifteen UTF-16 units); with four emoji too few. (A text needs
        // five letters or digits besides: emoji alone say nothing.)
        static string Text(int emoji) => "Bilar" + string.Concat(Enumerable.Repeat("🙂", emoji));
        Assert.True(Validate((TipFields.Text, Text(5))).IsValid);
        InvalidOnlyIn(Validate((TipFields.Text, Text(4))), TipFields.Text);

        // 4000 characters fit the limit although they are almost 8000 UTF-16 units; 4001 do not.
        Assert.True(Validate((TipFields.Text, Text(TipLimits.MaxTextLength - 5))).IsValid);
        InvalidOnlyIn(Validate((TipFields.Text, Text(TipLimits.MaxTextLength - 4))), TipFields.Text);
    }

    [Fact]
    public void Messages_come_in_the_residents_language_alone()
    {
        var fields = new Dictionary<string, string?> { [TipFields.Text] = "kort" };

        var swedish = _validator.Validate(fields, Grastorp.Intake.Core.Texts.Language.Swedish);
        var english = _validator.Validate(fields, Grastorp.Intake.Core.Texts.Language.English);

        Assert.Equal(["Tipset behöver minst 10 tecken."], swedish.Errors[TipFields.Text]);
        Assert.Equal(["Your tip needs at least 10 characters."], english.Errors[TipFields.Text]);
    }

    [Fact]
    public void A_form_post_must_choose_a_municipality_while_the_API_defaults_to_Grastorp()
    {
        InvalidOnlyIn(Validate((TipFields.Language, "sv")), TipFields.Municipality);
        Assert.Equal("grastorp", Valid(Validate()).Municipality.Id);
    }

    [Fact]
    public void The_forms_date_and_time_fields_make_the_observation_time_in_Swedish_time()
    {
        var tip = Valid(Validate((TipFields.ObservedDate, "2026-11-19"), (TipFields.ObservedTime, "18:30")));
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 18, 30, 0, TimeSpan.FromHours(1)), tip.ObservedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.FromHours(1)), Valid(Validate((TipFields.ObservedDate, "2026-11-19"))).ObservedAt);
    }

    [Fact]
    public void A_time_without_a_date_or_a_date_in_the_future_is_refused_at_the_observation_time()
    {
        InvalidOnlyIn(Validate((TipFields.ObservedTime, "18:30")), TipFields.ObservedAt);
        InvalidOnlyIn(Validate((TipFields.ObservedDate, "2026-11-21")), TipFields.ObservedAt);
        InvalidOnlyIn(Validate((TipFields.ObservedDate, "20/11/2026")), TipFields.ObservedAt);
    }

    [Theory]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀")]
    [InlineData("!!!!!!!!!!!!!!!!")]
    [InlineData("🚗💨 ... 🏫 !!! 👮")]
    [InlineData("ab 🚗💨🚗💨🚗💨🚗💨 cd")]
    public void A_text_without_enough_letters_or_digits_is_refused_in_swedish(string text)
    {
        var result = Validate((TipFields.Text, text));

        InvalidOnlyIn(result, TipFields.Text);
        Assert.Equal("Skriv tipset med ord: minst 5 bokstäver eller siffror.", Assert.Single(result.Errors[TipFields.Text]));
    }

    [Theory]
    [InlineData("Rån nu, Storgatan 3")]
    [InlineData("Bil 🚗 ABC 123 💨💨💨")]
    [InlineData("Грабёж у школы сейчас")]
    public void A_short_text_with_five_letters_or_digits_in_any_script_passes(string text)
    {
        Assert.Equal(text, Valid(Validate((TipFields.Text, text))).Text);
    }
}
