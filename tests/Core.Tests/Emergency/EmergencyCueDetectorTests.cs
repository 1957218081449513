using System.Text;
using Grastorp.Intake.Core.Emergency;

namespace Grastorp.Intake.Core.Tests.Emergency;

public class EmergencyCueDetectorTests
{
    private readonly EmergencyCueDetector _detector = new();

    [Theory]
    [InlineData("Det pågår nu, de slåss utanför Ica")]
    [InlineData("Just nu står tre killar och langar vid skolan")]
    [InlineData("Han har en kniv och står i trapphuset")]
    [InlineData("Nu har han en kniv i handen")] // inverted word order after "nu"
    [InlineData("Mannen har ett vapen i bilen")]
    [InlineData("Grannen hotar att slå ihjäl sin fru")]
    [InlineData("Det brinner i förrådet bakom skolan!")]
    [InlineData("Någon är skadad och ligger på marken")]
    [InlineData("En kille blöder från huvudet")]
    [InlineData("DET BRINNER")]
    [InlineData("Han slog henne i går och nu hotar han att komma tillbaka")] // past and now in one clause: now wins
    [InlineData("Det brann förra året, men nu brinner det igen")]
    [InlineData("Someone is hurt outside the station")]
    [InlineData("A man has a knife, it is happening right now")]
    [InlineData("The shed is on fire")]
    [InlineData("Det ryker från taket på skolan")]
    [InlineData("Han andas inte!")] // the phrase's own "inte" is no denial
    [InlineData("She is not breathing")]
    [InlineData("En man ligger på marken och rör sig inte")]
    [InlineData("Grannen skriker och slår sin fru nu")]
    [InlineData("Någon har skjutit ett skott nyss")]
    [InlineData("Jag vet inte om det pågår nu")] // a doubt, not a denial: better to see the cue
    public void Signals_of_something_happening_now_give_the_cue(string text)
    {
        Assert.True(_detector.Detect(text).IsEmergency, text);
        Assert.True(_detector.Signals(text), text);
    }

    [Theory]
    [InlineData("Det brann förra året i samma förråd")]
    [InlineData("Ingen är skadad men fönstret är krossat")]
    [InlineData("Det pågick i går kväll mellan tio och tolv")]
    [InlineData("Han hade en kniv förra veckan")]
    [InlineData("Han hotade mig med en kniv")]
    [InlineData("Det brinner inte längre, brandkåren har varit här")]
    [InlineData("Han har ingen kniv vad jag vet")]
    [InlineData("Ingen har ett vapen, det är bara bråk")]
    [InlineData("För två veckor sedan hotade han att slå mig")]
    [InlineData("I fjol var någon skadad efter en olycka här")]
    [InlineData("Nobody is hurt, the car is just parked badly")]
    [InlineData("There was a fire here last year")]
    [InlineData("He had a knife two weeks ago")]
    [InlineData("Det är ingen som är skadad")]
    [InlineData("Det har brunnit flera gånger i containern")]
    [InlineData("Det langas knark vid skolan på kvällarna")]
    [InlineData("Bilarna kör för fort på Storgatan")]
    [InlineData("")]
    public void Negated_past_and_ordinary_texts_give_no_cue(string text)
    {
        Assert.False(_detector.Detect(text).IsEmergency, text);
        Assert.False(_detector.Signals(text), text);
    }

    [Fact]
    public void The_cue_names_the_phrases_from_the_file_not_the_text()
    {
        var cue = _detector.Detect("Han HAR EN KNIV!");

        // "har kniv" matches too: one extra word may stand between a phrase's words.
        Assert.Equal(["har en kniv", "har kniv"], cue.Phrases);
    }

    [Fact]
    public void The_built_in_phrase_file_loads_and_every_list_is_there()
    {
        var phrases = EmergencyPhrases.LoadBuiltIn();

        Assert.Contains(phrases.Phrases, p => p.SequenceEqual(["pågår", "nu"]));
        Assert.Contains(phrases.Phrases, p => p.SequenceEqual(["det", "brinner"]));
        Assert.Contains("ingen", phrases.Negations);
        Assert.Contains(phrases.Past, p => p.SequenceEqual(["förra"]));
        Assert.Contains(phrases.Now, p => p.SequenceEqual(["nu"]));
    }

    [Theory]
    [InlineData("{\"negations\":[\"inte\"],\"past\":[\"förra\"],\"now\":[\"nu\"]}", "phrases")]
    [InlineData("{\"phrases\":[\"pågår nu\"],\"negations\":[\"inte alls\"],\"past\":[\"förra\"],\"now\":[\"nu\"]}", "negations")]
    [InlineData("{\"phrases\":[\"pågår nu\", \" \"],\"negations\":[\"inte\"],\"past\":[\"förra\"],\"now\":[\"nu\"]}", "phrases")]
    [InlineData("{\"phrases\":", "JSON")]
    public void An_invalid_phrase_file_is_refused_naming_the_list(string json, string named)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => EmergencyPhrases.Parse(stream));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_file_of_its_own_drives_the_detector()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"phrases\":[\"kon är lös\"],\"negations\":[\"inte\"],\"past\":[\"förra\"],\"now\":[\"nu\"]}"));
        var detector = new EmergencyCueDetector(EmergencyPhrases.Parse(stream));

        Assert.True(detector.Detect("Kon är lös på vägen").IsEmergency);
        Assert.False(detector.Detect("Kon är inte lös").IsEmergency);
        Assert.False(detector.Detect("Det brinner").IsEmergency);
    }
}
