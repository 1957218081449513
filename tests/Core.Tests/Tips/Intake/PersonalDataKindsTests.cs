using System.Text;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Tips.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.Tests.Tips.Intake;

/// <summary>The intake answer names the kinds of personal data in the text and place, so a form can nudge; never the values.</summary>
public sealed class PersonalDataKindsTests : IDisposable
{
    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private async Task<SubmitOutcome.Accepted> SubmitAsync(string json)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var outcome = await _services.GetRequiredService<TipIntakeService>().SubmitAsync(new TipRequest("application/json", body.Length, body), TestContext.Current.CancellationToken);
        return Assert.IsType<SubmitOutcome.Accepted>(outcome);
    }

    [Fact]
    public async Task Kinds_in_the_text_and_the_place_are_reported_once_each_in_a_fixed_order()
    {
        var accepted = await SubmitAsync("""{"text":"Bilen ABC 123 står där, ring 070-123 45 67 eller 0512-123 45","place":"utanför Storgatan 5B"}""");

        Assert.Equal([PersonalDataKind.Phone, PersonalDataKind.Plate, PersonalDataKind.Address], accepted.PersonalData);
    }

    [Fact]
    public async Task A_tip_without_personal_data_reports_none()
    {
        var accepted = await SubmitAsync("""{"text":"Det langas vid skolan varje kväll, vecka 48 och buss 12.","place":"Skolgatan"}""");

        Assert.Empty(accepted.PersonalData);
    }

    [Fact]
    public async Task A_contact_the_resident_gave_about_themselves_is_not_a_nudge()
    {
        var accepted = await SubmitAsync("""{"text":"Det langas vid skolan varje kväll.","consent":true,"contact":"070-123 45 67"}""");

        Assert.Empty(accepted.PersonalData);
    }

    [Fact]
    public async Task Something_happening_now_sets_the_emergency_flag_and_the_past_does_not()
    {
        Assert.True((await SubmitAsync("""{"text":"Det brinner just nu i förrådet bakom skolan."}""")).Emergency);
        Assert.False((await SubmitAsync("""{"text":"Det brann förra året i förrådet bakom skolan."}""")).Emergency);
    }

    public void Dispose() => _services.Dispose();
}
