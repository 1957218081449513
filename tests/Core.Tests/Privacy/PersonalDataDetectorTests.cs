using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Core.Tests.Privacy;

public class PersonalDataDetectorTests
{
    private readonly PersonalDataDetector _detector = new();

    [Theory]
    [InlineData("Hans personnummer är 19811218-9876.", "19811218-9876")]
    [InlineData("pnr 811218-9876", "811218-9876")]
    [InlineData("född 8112189876 enligt honom", "8112189876")]
    [InlineData("198112189876 står på lappen", "198112189876")]
    [InlineData("Hon är över hundra: 811218+9876", "811218+9876")]
    [InlineData("Personnummer 811218 9876 på kvittot", "811218 9876")]
    [InlineData("Samordningsnummer 910471-2352, jobbar svart", "910471-2352")]
    [InlineData("personnummer 19811218–9876 (en dash)", "19811218–9876")]
    public void Finds_personnummer_and_samordningsnummer(string text, string value) => AssertSingle(text, PersonalDataKind.Personnummer, value);

    // The shape is enough: a mistyped number still points at a person (issue 30: "19850101-1234" reached the e-mail).
    [Theory]
    [InlineData("Grannen har personnummer 19850101-1234 tror jag", "19850101-1234")]
    [InlineData("Grannen har personnummer 19850101-1236 tror jag", "19850101-1236")]
    [InlineData("Han sa 19811218-9879 men det ser konstigt ut", "19811218-9879")]
    [InlineData("pnr 8501011234 enligt honom", "8501011234")]
    [InlineData("samordningsnummer 850161-1235 på bygget", "850161-1235")] // day 1 + 60, check digit wrong
    [InlineData("Han är född 850101+1234, över hundra", "850101+1234")]
    [InlineData("Hennes nummer 200402291234", "200402291234")] // 29 February 2004
    public void Finds_a_personnummer_by_its_shape_whatever_its_check_digit(string text, string value) =>
        AssertSingle(text, PersonalDataKind.Personnummer, value);

    [Theory]
    [InlineData("Det hände 241102 2315 utanför")] // a date and a clock time
    [InlineData("Loggen säger 20241102 1530")]
    [InlineData("Serienummer 188501011234 på cykeln")] // no one living was born in the 1800s
    [InlineData("Numret 198513011234 stod på lappen")] // month 13
    [InlineData("Numret 850230-1234 stod på lappen")] // 30 February
    [InlineData("Numret 850192-1234 stod på lappen")] // day 92 is past a samordningsnummer's 91
    [InlineData("Ordernummer 8501011234 kom aldrig")]
    [InlineData("Kvitto nr 850101-1234 från Biltema")]
    public void Numbers_of_the_right_length_but_not_a_birth_date_are_left_alone(string text) => Assert.Empty(_detector.Find(text));

    [Theory]
    [InlineData("Ring 070-123 45 67 i kväll", "070-123 45 67")]
    [InlineData("nr 0701234567", "0701234567")]
    [InlineData("mobil: 073 987 65 43", "073 987 65 43")]
    [InlineData("Hans mobil är +46 70 123 45 67.", "+46 70 123 45 67")]
    [InlineData("+46701234567 ringer hela tiden", "+46701234567")]
    [InlineData("ring 0046 73 555 12 34", "0046 73 555 12 34")]
    [InlineData("numret +46 (0)70-222 33 44 ringde", "+46 (0)70-222 33 44")]
    [InlineData("Hemma: 0512-123 45", "0512-123 45")]
    [InlineData("Grästorp 0514-100 20", "0514-100 20")]
    [InlineData("Göteborg 031-123 45 67", "031-123 45 67")]
    [InlineData("Stockholm 08-123 456 78", "08-123 456 78")]
    [InlineData("lapp med (0512) 301 22 på", "(0512) 301 22")]
    [InlineData("ring 0510/123456", "0510/123456")]
    [InlineData("min telefon 079 - 123 45 67", "079 - 123 45 67")]
    [InlineData("Kontor: 0514 - 18 300", "0514 - 18 300")] // "kontor" is not "konto", a reference word
    public void Finds_swedish_phone_numbers(string text, string value) => AssertSingle(text, PersonalDataKind.Phone, value);

    [Theory]
    [InlineData("Skriv till lena.andersson@gmail.com.", "lena.andersson@gmail.com")]
    [InlineData("kalle_k85@hotmail.se säljer", "kalle_k85@hotmail.se")]
    [InlineData("från support@swedbank-sakerhet.com", "support@swedbank-sakerhet.com")]
    [InlineData("BO.LARSSON@GRASTORP.SE", "BO.LARSSON@GRASTORP.SE")]
    [InlineData("e-post: jonas(at)outlook.com", "jonas(at)outlook.com")]
    public void Finds_email_addresses(string text, string value) => AssertSingle(text, PersonalDataKind.Email, value);

    [Theory]
    [InlineData("reg nr ABC 123 vid skolan", "ABC 123")]
    [InlineData("regnr KLM456, vit Volvo", "KLM456")]
    [InlineData("mopedbilen xyz 12a åker runt", "xyz 12a")]
    [InlineData("reg: DFG 45B.", "DFG 45B")]
    [InlineData("plåten var RST-321", "RST-321")]
    [InlineData("bilen gtr123 står på tomgång", "gtr123")]
    public void Finds_registration_plates(string text, string value) => AssertSingle(text, PersonalDataKind.Plate, value);

    [Theory]
    [InlineData("lägenheten på Storgatan 5B luktar", "Storgatan 5B")]
    [InlineData("Inbrott på Järnvägsgatan 12 i natt", "Järnvägsgatan 12")]
    [InlineData("Hon bor på Vallgatan 3 lgh 1102.", "Vallgatan 3 lgh 1102")]
    [InlineData("Min adress är Tingsgatan 9, lgh 1201", "Tingsgatan 9, lgh 1201")]
    [InlineData("Bilarna står vid Södra vägen 14", "Södra vägen 14")]
    [InlineData("Fabriksgatan 10 B har en husvagn", "Fabriksgatan 10 B")]
    [InlineData("huset på storgatan 7 lyser", "storgatan 7")]
    [InlineData("Ringvägen 14-16 på kvällen", "Ringvägen 14-16")]
    [InlineData("Tomten på Åvägen 8 är full", "Åvägen 8")]
    [InlineData("vid Stora torget 1 langar de", "Stora torget 1")]
    [InlineData("Grannen på Björkallén 4 har en hund", "Björkallén 4")]
    [InlineData("Kungsängens väg 3 har ett fönster krossat", "Kungsängens väg 3")]
    public void Finds_street_addresses(string text, string value) => AssertSingle(text, PersonalDataKind.Address, value);

    [Theory]
    [InlineData("Ordernummer 8112189876 kom aldrig fram")] // a valid personnummer's digits, after an order word
    [InlineData("Fakturanr: 2024110345 betald")]
    [InlineData("OCR 4052312345678 till ett konto")]
    [InlineData("Det hände natten till 2024-11-23 vid tvåtiden")]
    [InlineData("mellan 20241102 och 20241105")]
    [InlineData("Det var vecka 48")]
    [InlineData("Jag tog buss 12 hem")]
    [InlineData("Min son går i klass 7B")]
    [InlineData("Postnummer 467 30 Grästorp")]
    [InlineData("Det kostade 1 250 kr")]
    [InlineData("Priset var 12 500:- för mopeden")]
    [InlineData("Han är född 1987")]
    [InlineData("Det pågick mellan 22:15 och 01:30")]
    [InlineData("Bussen gick 07.45")]
    [InlineData("Fel nummer, 070-123 45 bara")] // too short for a mobile
    [InlineData("Han gav mig 0701-234 56 78 9")] // too long
    [InlineData("0771-11 77 00 är inte en persons nummer")] // 077 is not a mobile series
    [InlineData("Datumet 01-12-2024 stod på lappen")]
    [InlineData("Ring 112 eller 114 14")]
    [InlineData("Han kör 120 km/h genom byn")]
    [InlineData("och 100 meter bort")]
    [InlineData("Han kör en svart BMW 320")]
    [InlineData("Betalade SEK 450")]
    [InlineData("Box 123 är adressen de vill ha pengar till")]
    [InlineData("Riksväg 47 är farlig")]
    [InlineData("parkeringsplatsen 2 vid Ica")]
    [InlineData("Cykelvägen 2 km bort")]
    [InlineData("cykelvägen 4 är mörk")]
    [InlineData("Han gick längs Storgatan 200 meter")]
    [InlineData("Det hände på Storgatan 12.30 i går")]
    [InlineData("Vi bor på plan 3")]
    [InlineData("Fastigheten Tången 3:14")]
    [InlineData("IBAN SE45 5000 0000 0583 9825 7466")]
    [InlineData("Bankgiro 5050-1055")]
    [InlineData("Han har instagram @kungen_i_vara")]
    public void Near_misses_are_not_personal_data(string text) => Assert.Empty(_detector.Find(text));

    [Fact]
    public void A_bare_ten_digit_mobile_number_is_a_phone_even_when_it_passes_as_a_personnummer()
    {
        // 0701234567 is also 2007-01-23 with a valid check digit; written without a dash it is far likelier a phone.
        var digits = Enumerable.Range(0, 10).Select(d => $"070123456{d}").Single(n => Personnummer.IsValid(n));

        var found = _detector.Find($"ring {digits}");

        Assert.Equal(PersonalDataKind.Phone, Assert.Single(found).Kind);
        Assert.Equal(PersonalDataKind.Personnummer, Assert.Single(_detector.Find($"pnr {digits[..6]}-{digits[6..]}")).Kind);
    }

    [Fact]
    public void Every_kind_is_found_in_one_text_in_order()
    {
        const string text = "Tommy på Storgatan 12 (19811218-9876) kör ABC 123, ring 070-987 65 43 eller mejla t.b@gmail.com";

        var found = _detector.Find(text);

        Assert.Equal(
            [PersonalDataKind.Address, PersonalDataKind.Personnummer, PersonalDataKind.Plate, PersonalDataKind.Phone, PersonalDataKind.Email],
            found.Select(f => f.Kind));
        Assert.All(found, f => Assert.Equal(f.Value, text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Empty_and_null_text_find_nothing()
    {
        Assert.Empty(_detector.Find(null));
        Assert.Empty(_detector.Find(string.Empty));
    }

    private void AssertSingle(string text, PersonalDataKind kind, string value)
    {
        var match = Assert.Single(_detector.Find(text));
        Assert.Equal(kind, match.Kind);
        Assert.Equal(value, match.Value);
        Assert.Equal(text.IndexOf(value, StringComparison.Ordinal), match.Start);
        Assert.Equal(value.Length, match.Length);
    }
}
