using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Tests.Digest;
using Microsoft.Extensions.Configuration;

namespace Grastorp.Intake.Web.Tests.Digest;

/// <summary>
/// The form promises the contact is for the kommunpolis only: a list not marked as the police's (a municipality's
/// mailbox, or any list someone forgot to mark) gets neither the contact nor what residents wrote, in either part.
/// </summary>
public class DigestAudienceTests
{
    private static readonly string[] Contacts = ["070-123 45 67", "anna@example.se", "072-555 12 34"];

    private static readonly string[] ResidentWords = ["Langning bakom idrottshallen", "brutit upp förrådet", "Idrottshallen, Grästorp"];

    /// <summary>The worked example's municipality list as configuration binds it: no audience set.</summary>
    private static DigestRecipientList MunicipalityList() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Digest:Recipients:0:Id"] = "grastorp",
                ["Digest:Recipients:0:Addresses:0"] = "trygghet@grastorp.example",
            })
            .Build()
            .GetSection(DigestOptions.SectionName)
            .Get<DigestOptions>()!
            .Recipients[0];

    [Fact]
    public async Task A_list_not_marked_as_the_polices_gets_no_contact_and_no_tip_text_in_either_part()
    {
        var digest = DigestSamples.Week48WithPlanted() with { Recipients = MunicipalityList() };

        var message = await RenderedDigest.RenderAsync(digest);

        foreach (var part in new[] { message.PlainText, message.Html })
        {
            Assert.All(Contacts, c => Assert.DoesNotContain(c, part, StringComparison.Ordinal));
            Assert.All(ResidentWords, w => Assert.DoesNotContain(w, part, StringComparison.Ordinal));
            Assert.DoesNotContain("Kontakt (med samtycke)", part, StringComparison.Ordinal);
        }

        // Still a useful e-mail: the counts and the way to the staff list.
        Assert.Contains("DROGER – 3", message.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_polices_list_gets_the_contacts()
    {
        var police = MunicipalityList();
        police.Audience = DigestAudience.Kommunpolis;

        var message = await RenderedDigest.RenderAsync(DigestSamples.Week48WithPlanted() with { Recipients = police });

        foreach (var part in new[] { message.PlainText, message.Html })
        {
            Assert.All(Contacts, c => Assert.Contains(c, part, StringComparison.Ordinal));
        }
    }
}
