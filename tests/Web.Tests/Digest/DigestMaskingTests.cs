using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Tests.Digest;

namespace Grastorp.Intake.Web.Tests.Digest;

/// <summary>
/// Personal data a resident wrote about someone else never leaves in the digest e-mail: both parts are rendered
/// through the real components and Core's message factory, with a tip carrying a personnummer, a phone, a plate, an
/// e-mail address and addresses in its text and place, in every kind of section.
/// </summary>
public class DigestMaskingTests
{
    [Fact]
    public void The_planted_values_are_personal_data_to_the_detector()
    {
        // Guards the test below: a value the detector does not find would pass it for the wrong reason.
        var detector = new PersonalDataDetector();
        var found = detector.Find(DigestSamples.PlantedPersonalData.Text)
            .Concat(detector.Find(DigestSamples.PlantedPersonalData.Place))
            .Select(m => m.Value)
            .ToList();

        Assert.Equal(DigestSamples.PlantedValues.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Contains(detector.Find("19811218-9876"), m => m.Kind == PersonalDataKind.Personnummer);
    }

    [Fact]
    public async Task No_planted_value_appears_unmasked_in_either_part()
    {
        var message = await RenderedDigest.RenderAsync(DigestSamples.Week48WithPlanted());

        foreach (var part in new[] { message.Subject, message.PlainText, message.Html })
        {
            foreach (var value in DigestSamples.PlantedValues)
            {
                Assert.DoesNotContain(value, part, StringComparison.OrdinalIgnoreCase);
            }

            // The digits alone, in case a renderer ever spaces or breaks the number differently.
            Assert.DoesNotContain("8112189876", new string([.. part.Where(char.IsAsciiDigit)]), StringComparison.Ordinal);
        }

        foreach (var part in new[] { message.PlainText, message.Html })
        {
            foreach (var label in new[] { "[personnummer]", "[telefon]", "[e-post]", "[regnr]", "[adress]" })
            {
                Assert.Contains(label, part, StringComparison.Ordinal);
            }

            // The tip is still there to act on: the words around the masks, and the resident's own contact.
            Assert.Contains("och säljer från bilen [regnr]", part, StringComparison.Ordinal);
            Assert.Contains("Utanför [adress], bilen [regnr]", part, StringComparison.Ordinal);
            Assert.Contains("072-555 12 34", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_mime_message_on_the_wire_carries_no_planted_value()
    {
        var message = await RenderedDigest.RenderAsync(DigestSamples.Week48WithPlanted());
        using var mime = message.ToMime();

        var decoded = string.Join('\n', mime.BodyParts.OfType<MimeKit.TextPart>().Select(p => p.Text));

        Assert.Equal(2, mime.BodyParts.OfType<MimeKit.TextPart>().Count());
        foreach (var value in DigestSamples.PlantedValues)
        {
            Assert.DoesNotContain(value, decoded, StringComparison.OrdinalIgnoreCase);
        }
    }
}
