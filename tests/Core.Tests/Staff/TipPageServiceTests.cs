using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Grastorp.Intake.Core.Tips.Store.Progressing;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>
/// A tip's staff page, against Azurite: found by its receipt, read only on the person's own navigation, viewed once
/// a day in the audit log; and the deciding words, which are the resident's own or nothing.
/// </summary>
public sealed class TipPageServiceTests : IDisposable
{
    private static readonly StaffPrincipal Polis = new("Kommunpolis Test", new HashSet<StaffRole> { StaffRole.Kommunpolis });

    private readonly FakeTimeProvider _time = IntakeTestServices.InWeek48();

    private readonly ServiceProvider _services;

    public TipPageServiceTests() => _services = IntakeTestServices.Create(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private TipPageService Pages => _services.GetRequiredService<TipPageService>();

    private async Task<ReceivedTip> IssuedAsync(string text, params ThemeMatch[] themes)
    {
        var tip = await TipFactory.IssuedAsync(_services, text, _time.GetUtcNow(), "grastorp", Token);
        await _services.GetRequiredService<TipRecorder>().RecordAsync(tip, new TipClassification(themes), Token);
        return tip;
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() => (await _services.GetRequiredService<AuditLog>().ReadAsync(null, null, 200, Token)).Entries;

    [Theory]
    [InlineData("cross-site", false)]
    [InlineData("same-site", false)]
    [InlineData(null, false)]
    [InlineData("none", true)]
    [InlineData("same-origin", true)]
    public async Task Opening_a_tip_reads_it_only_on_a_navigation_the_person_made(string? fetchSite, bool read)
    {
        var tip = await IssuedAsync("Knark säljs vid skolan", new ThemeMatch(Theme.Drugs, 0.9, ["knark"]));

        var view = await Pages.ShowAsync(Polis, tip.Reference, fetchSite, Token);

        Assert.Equal(read ? TipStage.Read : TipStage.Classified, view!.Tip.Stage);
        Assert.Equal(read ? TipStage.Read : TipStage.Classified, (await _services.GetRequiredService<TipProgressStore>().ReadProgressAsync(tip.Partition, tip.Reference, Token))!.Stage);
        Assert.Equal(read ? 1 : 0, (await AuditAsync()).Count(e => e.Action == AuditAction.Moved));
    }

    [Fact]
    public async Task A_tip_opened_many_times_is_one_view_per_person_and_day_in_the_audit_log()
    {
        var tip = await IssuedAsync("Bilar kör fort", new ThemeMatch(Theme.Traffic, 0.9, ["fort"]));
        var other = new StaffPrincipal("Annan Polis", Polis.Roles);

        for (var i = 0; i < 4; i++)
        {
            await Pages.ShowAsync(Polis, tip.Reference, "same-origin", Token);
        }

        await Pages.ShowAsync(other, tip.Reference, "same-origin", Token);
        _time.Advance(TimeSpan.FromDays(1));
        await Pages.ShowAsync(Polis, tip.Reference, "same-origin", Token);

        var views = (await AuditAsync()).Where(e => e.Action == AuditAction.Viewed).ToList();
        Assert.Equal(2, views.Count(v => v.Who == Polis.Name));
        Assert.Single(views, v => v.Who == other.Name);
        Assert.All(views, v => Assert.Equal(tip.Reference, v.Reference));
        Assert.Single(await AuditAsync(), e => e.Action == AuditAction.Moved);
    }

    [Fact]
    public async Task An_unknown_malformed_or_unreceipted_code_is_no_tip()
    {
        var stored = TipFactory.Tip("Inbrott i förrådet", _time.GetUtcNow());
        await _services.GetRequiredService<TipRecorder>().RecordAsync(stored, new TipClassification([new ThemeMatch(Theme.Burglary, 0.9, ["inbrott"])]), Token);

        Assert.Null(await Pages.ShowAsync(Polis, "0000000000", "none", Token));
        Assert.Null(await Pages.ShowAsync(Polis, "not a code", "none", Token));
        Assert.Null(await Pages.ShowAsync(Polis, stored.Reference.ToLowerInvariant(), "none", Token));
        Assert.Null(await Pages.ShowAsync(Polis, stored.Reference, "none", Token));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task The_page_knows_the_tips_before_and_after_it_in_the_week()
    {
        var first = await IssuedAsync("Första", new ThemeMatch(Theme.Other, 1, []));
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await IssuedAsync("Andra", new ThemeMatch(Theme.Other, 1, []));
        _time.Advance(TimeSpan.FromMinutes(5));
        var third = await IssuedAsync("Tredje", new ThemeMatch(Theme.Other, 1, []));

        var view = await Pages.ShowAsync(Polis, second.Reference, null, Token);

        Assert.Equal((first.Reference, third.Reference), (view!.Previous, view.Next));
        Assert.Equal((null, second.Reference), ((await Pages.ShowAsync(Polis, first.Reference, null, Token))!.Previous, (await Pages.ShowAsync(Polis, first.Reference, null, Token))!.Next));
    }

    [Fact]
    public void The_deciding_words_are_the_residents_own_found_case_insensitively_and_never_a_learned_feature()
    {
        const string Text = "INBROTT i förra veckan, och nu inbrotten på morgonen igen.";
        ListedTheme[] themes = [new(Theme.Burglary, ["inbrott", "~morgonen", "~in i", "förråd", "bias"]), new(Theme.Other, [])];

        var words = DecisiveWords.Find(Text, themes);
        var explained = DecisiveWords.Explain(Text, themes);

        Assert.Equal(["INBROTT", "inbrotten"], words.Select(w => Text[w.Start..w.End]));
        Assert.Equal(["INBROTT", "inbrotten"], explained[0].Words);
        Assert.Empty(explained[1].Words);
        Assert.DoesNotContain(explained.SelectMany(e => e.Words), w => w.Contains('~', StringComparison.Ordinal) || w.StartsWith("förr", StringComparison.Ordinal));
    }

    public void Dispose() => _services.Dispose();
}
