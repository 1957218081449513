using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Rebuilding;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Promises;

/// <summary>Tips classified for real (with the shipped miljo lexicon) are linked to Grästorp 2021's commitments and counted under them.</summary>
public sealed class PromiseLinkTests : IDisposable
{
    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?>
    {
        ["Classifier:ExtraLexicons:0"] = "lexicons/miljo.sv.json",
        ["Themes:Extra:0:Id"] = "miljo",
        ["Themes:Extra:0:Swedish"] = "Miljö och trygghet",
        ["Themes:Extra:0:English"] = "Environment and safety",
    });

    private IReadOnlyList<string> Link(string text, string municipality = "grastorp", int year = 2026) =>
        _services.GetRequiredService<PromiseCatalog>().Link(municipality, year, _services.GetRequiredService<ITipClassifier>().Classify(text));

    [Theory]
    [InlineData("Bilar kör för fort på Storgatan varje kväll.", "grastorp_2021.trafik")]
    [InlineData("Det langas knark vid skolan på kvällarna.", "grastorp_2021.skola_droger")]
    [InlineData("Inbrott i förrådet i natt, cykeln stulen.", "grastorp_2021.grannsamverkan")]
    [InlineData("Gatlampan vid parken är trasig och det är helt mörkt.", "grastorp_2021.belysning_buskar")]
    [InlineData("Cykelvägen mot skolan är otrygg, ingen belysning alls.", "grastorp_2021.gang_cykelvagar")]
    public void A_tip_is_linked_to_the_commitments_its_themes_or_matched_terms_concern(string text, string commitment)
    {
        Assert.Contains(commitment, Link(text));
    }

    [Fact]
    public void A_tip_of_a_municipality_without_a_promise_in_use_is_linked_to_nothing()
    {
        // Vara's file is an example, and examples are off unless Promises:IncludeExamples says otherwise.
        Assert.Empty(Link("Bilar kör för fort på Storgatan varje kväll.", "vara"));
        Assert.Empty(Link("Bilar kör för fort på Storgatan varje kväll.", "grastorp", 2020));
    }

    [Fact]
    public async Task A_recorded_tip_keeps_its_commitments_and_moves_their_counters_in_the_same_write()
    {
        var rebuilder = _services.GetRequiredService<CounterRebuilder>();
        var recorder = _services.GetRequiredService<TipRecorder>();
        var weekReader = _services.GetRequiredService<TipWeekReader>();
        var classifier = _services.GetRequiredService<ITipClassifier>();
        var at = new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(1));
        var first = TipFactory.Tip("Gatlampan vid cykelvägen är trasig.", at);
        var second = TipFactory.Tip("Bilar kör för fort förbi skolan.", at);

        foreach (var tip in new[] { first, second, first })
        {
            var classification = classifier.Classify(tip.Text);
            await recorder.RecordAsync(tip, classification, Link(tip.Text), TestContext.Current.CancellationToken);
        }

        var counts = await weekReader.ReadCountsAsync(first.Partition, TestContext.Current.CancellationToken);
        Assert.Equal(1, counts.Commitments["grastorp_2021.belysning_buskar"]);
        Assert.Equal(1, counts.Commitments["grastorp_2021.gang_cykelvagar"]);
        Assert.Equal(1, counts.Commitments["grastorp_2021.trafik"]);
        Assert.Equal(2, counts.Tips);
        Assert.DoesNotContain(counts.Themes.Keys, k => k.Contains('.', StringComparison.Ordinal));

        // The rebuild counts them again from the tip rows instead of dropping them.
        await rebuilder.RebuildCountersAsync(TestContext.Current.CancellationToken);
        Assert.Equal(counts.Commitments, (await weekReader.ReadCountsAsync(first.Partition, TestContext.Current.CancellationToken)).Commitments);
    }

    public void Dispose() => _services.Dispose();
}
