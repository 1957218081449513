using System.ServiceModel.Syndication;
using System.Xml;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Web.FollowUp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.FollowUp;

/// <summary>
/// What staff publish on the follow-up, against Azurite: checked and masked like a tip, correctable and withdrawable
/// by Kommun, and a feed that stands whatever a stored row holds, with each entry's own time and the configured links.
/// </summary>
public sealed class PublishedActionTests : IDisposable
{
    private const string Trafik = "grastorp_2021.trafik";

    // Grästorp's own staff: the promise the tests publish on is Grästorp's (a Kommun role covers its own municipalities only).
    private static readonly StaffPrincipal Kommun = new("Kommun Test", new HashSet<StaffRole> { StaffRole.Kommun }) { Municipalities = new HashSet<string> { "grastorp" } };

    private readonly FakeTimeProvider _time = IntakeTestServices.InWeek48();
    private readonly ServiceProvider _services;

    public PublishedActionTests() => _services = IntakeTestServices.Create(_time);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ActionRecordingService Recording => _services.GetRequiredService<ActionRecordingService>();

    private static ActionInput Input(string summary, string? label = null, string? value = null) => new(Trafik, "2026-11-25", summary, label, value);

    private async Task<SyndicationFeed> FeedAsync()
    {
        var xml = await _services.GetRequiredService<FollowUpPages>().FeedAsync(Cancel);
        using var reader = XmlReader.Create(new StringReader(xml));
        var formatter = new Atom10FeedFormatter();
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public async Task A_summary_has_its_control_characters_removed_and_its_personal_data_masked_before_it_is_stored()
    {
        var (action, errors) = await Recording.RecordAsync(Kommun, Input("Kontroll\u0007 på Storgatan 5,\nring 070-987 65 43 vid frågor", "bilar ABC 123", "12"), Cancel);

        Assert.Empty(errors);
        Assert.Equal("Kontroll på [adress], ring [telefon] vid frågor", action!.Summary);
        Assert.Equal("bilar [regnr]", Assert.Single(action.Counts).Label);
        var stored = Assert.Single(await Recording.RecentAsync(10, Cancel)).Action;
        Assert.Equal(action.Summary, stored.Summary);
    }

    [Theory]
    [InlineData("🚓🚓🚓🚓🚓🚓🚓🚓🚓🚓🚓")]
    [InlineData("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000fKort")]
    public async Task A_summary_without_enough_visible_words_is_refused(string summary)
    {
        var (action, errors) = await Recording.RecordAsync(Kommun, Input(summary), Cancel);

        Assert.Null(action);
        Assert.Contains("summary", errors.Keys);
    }

    [Fact]
    public async Task A_control_character_in_a_stored_row_does_not_break_the_feed()
    {
        // A row written before actions were checked: the feed answered 500 until it was removed by hand.
        var found = _services.GetRequiredService<PromiseCatalog>().Find(Trafik)!.Value;
        await _services.GetRequiredService<CommitmentActionStore>().AddAsync(
            found.Promise, found.Commitment, new DateOnly(2026, 11, 25), "Trafikkontroll\u0001 på torget, ring 070-987 65 43", [new ActionCount("förare\u000b", 40)], "Kommun Test", Cancel);

        var feed = await FeedAsync();

        var entry = Assert.Single(feed.Items, i => i.Id.StartsWith($"urn:grastorp-intake:action:{Trafik}:", StringComparison.Ordinal));
        Assert.Equal("Grästorp: Trafikkontroll på torget, ring [telefon]", entry.Title.Text);
    }

    [Fact]
    public async Task Kommun_corrects_and_withdraws_an_action_and_the_feed_follows_under_the_same_entry()
    {
        var (recorded, _) = await Recording.RecordAsync(Kommun, Input("Trafikkontroll på Storgatan, 45 förare"), Cancel);
        var id = $"urn:grastorp-intake:action:{Trafik}:{recorded!.Id}";
        _time.Advance(TimeSpan.FromHours(2));

        var (changed, errors) = await Recording.ChangeAsync(Kommun, recorded.Id, Input("Trafikkontroll på Storgatan, 47 förare kontrollerade"), Cancel);

        Assert.Empty(errors);
        var entry = Assert.Single((await FeedAsync()).Items, i => i.Id == id);
        Assert.Equal("Grästorp: Trafikkontroll på Storgatan, 47 förare kontrollerade", entry.Title.Text);
        Assert.Equal(_time.GetUtcNow(), entry.LastUpdatedTime);
        Assert.Equal(recorded.RecordedAt, entry.PublishDate);

        Assert.True(await Recording.WithdrawAsync(Kommun, Trafik, changed!.Id, Cancel));
        Assert.False(await Recording.WithdrawAsync(Kommun, Trafik, changed.Id, Cancel));
        Assert.DoesNotContain((await FeedAsync()).Items, i => i.Id == id);
        var audit = await _services.GetRequiredService<AuditLog>().ReadAsync(null, null, 50, Cancel);
        Assert.Equal(
            [AuditAction.ActionRecorded, AuditAction.ActionChanged, AuditAction.ActionWithdrawn],
            audit.Entries.Where(e => e.Reference == Trafik).Select(e => e.Action).Order());
    }

    [Fact]
    public async Task A_correction_of_an_unknown_or_malformed_id_changes_nothing()
    {
        await Recording.RecordAsync(Kommun, Input("Trafikkontroll på Storgatan, 45 förare"), Cancel);

        foreach (var id in new[] { "7000000-000000000000", "' or PartitionKey ne '", "" })
        {
            var (changed, errors) = await Recording.ChangeAsync(Kommun, id, Input("Något helt annat som ska synas"), Cancel);
            Assert.Null(changed);
            Assert.Contains("id", errors.Keys);
        }

        Assert.Equal("Trafikkontroll på Storgatan, 45 förare", Assert.Single(await Recording.RecentAsync(10, Cancel)).Action.Summary);
    }

    [Fact]
    public async Task Each_feed_entry_is_updated_at_its_own_time_not_at_the_request()
    {
        var (recorded, _) = await Recording.RecordAsync(Kommun, Input("Trafikkontroll på Storgatan, 45 förare"), Cancel);
        _time.Advance(TimeSpan.FromHours(3));

        var first = await FeedAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await FeedAsync();

        Assert.All(second.Items, i => Assert.True(i.LastUpdatedTime < _time.GetUtcNow().AddHours(-1), $"{i.Id} says {i.LastUpdatedTime}"));
        Assert.Equal(first.Items.Select(i => (i.Id, i.LastUpdatedTime)), second.Items.Select(i => (i.Id, i.LastUpdatedTime)));
        Assert.Equal(recorded!.RecordedAt, first.LastUpdatedTime);
    }

    [Fact]
    public async Task The_feeds_links_are_on_the_configured_site_address()
    {
        var feed = await FeedAsync();

        var links = feed.Links.Concat(feed.Items.SelectMany(i => i.Links)).Select(l => l.Uri.AbsoluteUri).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("https://tips.grastorp.example/", l, StringComparison.Ordinal));
    }

    public void Dispose() => _services.Dispose();
}
