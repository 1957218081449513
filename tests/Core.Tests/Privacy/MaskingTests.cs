using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Core.Tests.Privacy;

public class MaskingTests
{
    private readonly PersonalDataDetector _detector = new();

    [Fact]
    public void Each_kind_gets_its_swedish_label()
    {
        var result = _detector.Mask("Tommy på Storgatan 12 (19811218-9876) kör ABC 123, ring 070-987 65 43 eller mejla t.b@gmail.com");

        Assert.Equal("Tommy på [adress] ([personnummer]) kör [regnr], ring [telefon] eller mejla [e-post]", result.Masked);
        Assert.Equal(
            [PersonalDataKind.Personnummer, PersonalDataKind.Phone, PersonalDataKind.Email, PersonalDataKind.Plate, PersonalDataKind.Address],
            result.Kinds);
    }

    [Fact]
    public void Offsets_point_into_the_original_text_not_the_masked_one()
    {
        const string text = "ring 0701234560 eller 070-555 44 33, bor på Vallgatan 3 lgh 1102";

        var result = _detector.Mask(text);

        Assert.Equal("ring [telefon] eller [telefon], bor på [adress]", result.Masked);
        Assert.Equal([5, 22, 44], result.Found.Select(f => f.Start));
        Assert.All(result.Found, f => Assert.Equal(f.Value, text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Text_without_personal_data_comes_back_unchanged()
    {
        const string text = "Det langas vid skolan på kvällarna, vecka 48, buss 12, 467 30 Grästorp.";

        var result = _detector.Mask(text);

        Assert.Same(text, result.Masked);
        Assert.Empty(result.Found);
        Assert.Empty(result.Kinds);
    }

    [Fact]
    public void Overlapping_candidates_give_one_item_the_longest()
    {
        // "abc123@gmail.com" holds a plate shape and "070-123 45 67" inside "+46 70…" is not found twice.
        var result = _detector.Mask("mejl abc123@gmail.com, tel +46 070-123 45 67");

        Assert.Equal("mejl [e-post], tel [telefon]", result.Masked);
        Assert.Equal([PersonalDataKind.Email, PersonalDataKind.Phone], result.Found.Select(f => f.Kind));
    }

    [Fact]
    public void Adjacent_items_are_masked_separately()
    {
        var result = _detector.Mask("ABC 123/070-123 45 67");

        Assert.Equal("[regnr]/[telefon]", result.Masked);
    }

    [Fact]
    public void Masking_is_idempotent()
    {
        var once = _detector.Mask("pnr 811218-9876, reg ABC 123, Storgatan 5B").Masked;

        Assert.Equal(once, _detector.Mask(once).Masked);
        Assert.Empty(_detector.Find(once));
    }
}
