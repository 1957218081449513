using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.Conversation;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Conversation;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Conversation;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Tips.Store.Progressing;
using Grastorp.Intake.Core.Tips.Store.Reading;
using Grastorp.Intake.Core.Tips.Store.Rebuilding;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tests.Tips.Store;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Tips.Conversation;

/// <summary>
/// A tip's conversation (issue #32) against Azurite: the kommunpolis writes, the resident answers with the code, each
/// message stored once and in order in the tip's partition, "Nytt svar" until staff open the tip, the limits, and
/// retention taking the thread with the text.
/// </summary>
public sealed class ConversationTests : IDisposable
{
    private static readonly StaffPrincipal Polis = new("Kommunpolis Test", new HashSet<StaffRole> { StaffRole.Kommunpolis });
    private static readonly ClientOrigin Resident = new("203.0.113.7", null);
    private static readonly TipClassification Drugs = new([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]);

    // Starts at the real now, as the retention tests do, so "365 days later" is judged by the same clock.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ServiceProvider _services;

    public ConversationTests() => _services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["Retention:Days"] = "365", ["RateLimit:PerTenMinutes"] = "5" });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private StaffConversationService Staff => Get<StaffConversationService>();

    private ResidentConversationService Residents => Get<ResidentConversationService>();

    private async Task<ReceivedTip> StoredTipAsync(string text = "Det langas knark vid skolan på kvällarna.", bool notify = false)
    {
        var tip = await TipFactory.IssuedAsync(_services, text, _time.GetUtcNow(), "grastorp", Token) with { NotifyByEmail = notify };
        Assert.Equal(RecordOutcome.Counted, await Get<TipRecorder>().RecordAsync(tip, Drugs, [], Token));
        return tip;
    }

    private async Task<ResidentThread> OpenAsync(string reference) => (await Residents.OpenAsync(reference, Resident, Token)).Thread!;

    private async Task<ListedTip> ListedAsync(ReceivedTip tip) =>
        (await Get<TipLister>().ListAsync(tip.Partition, new TipListFilter(null, null, 10, null), Token)).Tips.Single(t => t.Reference == tip.Reference);

    [Fact]
    public async Task Staff_asks_the_resident_answers_and_both_are_kept_in_order_and_each_form_only_once()
    {
        var tip = await StoredTipAsync();
        var question = ConversationStore.NewToken();

        Assert.Equal(MessageOutcome.Added, (await Staff.WriteAsync(Polis, tip.Reference, "Vilken kväll såg du det?", question, Token))?.Outcome);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(MessageOutcome.AlreadyAdded, (await Staff.WriteAsync(Polis, tip.Reference, "Vilken kväll såg du det?", question, Token))?.Outcome);
        var thread = await OpenAsync(tip.Reference);
        var first = await Residents.AnswerAsync(tip.Reference, "  I fredags\u0007, runt nio. ", thread.Token, Resident, Token);
        var again = await Residents.AnswerAsync(tip.Reference, "I fredags, runt nio.", thread.Token, Resident, Token);

        Assert.Equal(MessageOutcome.Added, first.Outcome);
        Assert.Equal(MessageOutcome.AlreadyAdded, again.Outcome);
        var messages = (await OpenAsync(tip.Reference)).Messages;
        Assert.Equal([(ThreadMessage.Staff, "Vilken kväll såg du det?"), (ThreadMessage.Resident, "I fredags, runt nio.")], messages.Select(m => (m.Author, m.Text)));
        Assert.Equal(messages, await Staff.ReadAsync(Polis, tip.Partition, tip.Reference, markRead: false, Token));
    }

    [Fact]
    public async Task An_answer_flags_the_tip_in_the_list_until_someone_who_handles_tips_reads_it_and_a_stage_change_keeps_the_flag()
    {
        var tip = await StoredTipAsync();
        var auditor = new StaffPrincipal("Revisor", new HashSet<StaffRole> { StaffRole.Granskare });
        Assert.False((await ListedAsync(tip)).NewAnswer);

        var thread = await OpenAsync(tip.Reference);
        await Residents.AnswerAsync(tip.Reference, "Det var en vit bil, inte en blå.", thread.Token, Resident, Token);
        Assert.Equal(ProgressOutcome.Done, await Get<TipProgressStore>().MoveAsync(tip.Partition, tip.Reference, TipStage.Read, Token));

        Assert.True((await ListedAsync(tip)).NewAnswer);
        await Staff.ReadAsync(auditor, tip.Partition, tip.Reference, markRead: true, Token);
        Assert.True((await ListedAsync(tip)).NewAnswer);
        await Staff.ReadAsync(Polis, tip.Partition, tip.Reference, markRead: true, Token);
        Assert.False((await ListedAsync(tip)).NewAnswer);
        Assert.False((await Get<TipLister>().ReadTipAsync(tip.Partition, tip.Reference, Token))!.NewAnswer);
    }

    [Fact]
    public async Task Messages_never_count_as_tips_nor_show_in_the_digest_list_follow_up_or_rebuilt_counters()
    {
        var tip = await StoredTipAsync();
        var week = Get<TipWeekReader>();
        var list = Get<TipLister>();
        var countsBefore = await week.ReadCountsAsync(tip.Partition, Token);
        for (var i = 0; i < 3; i++)
        {
            await Staff.WriteAsync(Polis, tip.Reference, $"Fråga nummer {i + 1}?", ConversationStore.NewToken(), Token);
            await Residents.AnswerAsync(tip.Reference, $"Svar nummer {i + 1}.", (await OpenAsync(tip.Reference)).Token, new ClientOrigin($"203.0.113.{i + 20}", null), Token);
        }

        Assert.Equal([tip.Reference], (await week.ReadTipsAsync(tip.Partition, Token)).Select(t => t.Reference));
        Assert.Equal([tip.Reference], (await week.ReadFollowUpAsync(tip.Partition, Token)).Select(t => t.Reference));
        Assert.Equal([tip.Reference], (await list.ListAsync(tip.Partition, new TipListFilter(null, null, 10, null), Token)).Tips.Select(t => t.Reference));
        Assert.Equal((null, null), await list.NeighboursAsync(tip.Partition, tip.Reference, Token));
        await Get<CounterRebuilder>().RebuildCountersAsync(Token);
        var countsAfter = await week.ReadCountsAsync(tip.Partition, Token);
        Assert.Equal(countsBefore.Tips, countsAfter.Tips);
        Assert.Equal(countsBefore.Themes.OrderBy(t => t.Key), countsAfter.Themes.OrderBy(t => t.Key));
        Assert.Equal(6, (await OpenAsync(tip.Reference)).Messages.Count);
    }

    [Fact]
    public async Task A_closed_tip_takes_no_answer_but_the_thread_still_shows()
    {
        var tip = await StoredTipAsync();
        await Staff.WriteAsync(Polis, tip.Reference, "Tack, vi har åtgärdat det.", ConversationStore.NewToken(), Token);
        var token = (await OpenAsync(tip.Reference)).Token;
        await Get<TipProgressStore>().MoveAsync(tip.Partition, tip.Reference, TipStage.Closed, Token);

        var thread = await OpenAsync(tip.Reference);
        var answer = await Residents.AnswerAsync(tip.Reference, "Men det händer igen!", token, Resident, Token);

        Assert.Equal(AnswerBlock.Closed, thread.Block);
        Assert.Equal(MessageOutcome.Closed, answer.Outcome);
        Assert.Single((await OpenAsync(tip.Reference)).Messages);
    }

    [Fact]
    public async Task A_thread_holds_at_most_twenty_messages()
    {
        var tip = await StoredTipAsync();
        for (var i = 0; i < ConversationStore.MaxMessages; i++)
        {
            Assert.Equal(MessageOutcome.Added, (await Staff.WriteAsync(Polis, tip.Reference, $"Meddelande {i}", ConversationStore.NewToken(), Token))?.Outcome);
        }

        var thread = await OpenAsync(tip.Reference);

        Assert.Equal(MessageOutcome.Full, (await Staff.WriteAsync(Polis, tip.Reference, "Ett till", ConversationStore.NewToken(), Token))?.Outcome);
        Assert.Equal(AnswerBlock.Full, thread.Block);
        Assert.Equal(MessageOutcome.Full, (await Residents.AnswerAsync(tip.Reference, "Ett svar till", thread.Token, Resident, Token)).Outcome);
        Assert.Equal(ConversationStore.MaxMessages, (await OpenAsync(tip.Reference)).Messages.Count);
    }

    [Fact]
    public async Task Lengths_are_checked_the_answer_gets_the_nudge_and_112_cue_and_answers_count_against_the_tip_limit()
    {
        var tip = await StoredTipAsync();
        var token = (await OpenAsync(tip.Reference)).Token;

        Assert.Null(await Staff.WriteAsync(Polis, tip.Reference, new string('a', StaffConversationService.MaxMessageLength + 1), ConversationStore.NewToken(), Token));
        Assert.Null(await Staff.WriteAsync(Polis, tip.Reference, "   ", ConversationStore.NewToken(), Token));
        Assert.Equal(AnswerProblem.TooLong, (await Residents.AnswerAsync(tip.Reference, new string('a', ResidentConversationService.MaxAnswerLength + 1), token, Resident, Token)).Problem);
        Assert.Equal(AnswerProblem.Missing, (await Residents.AnswerAsync(tip.Reference, "\u0007 \u200b", token, Resident, Token)).Problem);
        var nudged = await Residents.AnswerAsync(tip.Reference, "Han heter Sven Svensson, 19850101-1234, och det brinner just nu!", token, Resident, Token);

        Assert.Equal(MessageOutcome.Added, nudged.Outcome);
        Assert.Contains(PersonalDataKind.Personnummer, nudged.Check.PersonalData);
        Assert.True(nudged.Check.Emergency);
        // The tip limit is set to 5 in ten minutes (as in production); the tip itself did not pass the limiter here.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(MessageOutcome.Added, (await Residents.AnswerAsync(tip.Reference, $"Svar {i}", (await OpenAsync(tip.Reference)).Token, Resident, Token)).Outcome);
        }

        var refused = await Residents.AnswerAsync(tip.Reference, "Ett svar för mycket", (await OpenAsync(tip.Reference)).Token, Resident, Token);
        Assert.True(refused.Refused);
        Assert.Null(refused.Outcome);
    }

    [Fact]
    public async Task A_staff_message_is_audited_with_its_length_never_its_words()
    {
        var tip = await StoredTipAsync();
        await Staff.WriteAsync(Polis, tip.Reference, "Vilken färg hade bilen?", ConversationStore.NewToken(), Token);

        var entry = Assert.Single((await Get<AuditLog>().ReadAsync(null, null, 50, Token)).Entries, e => e.Action == AuditAction.Wrote);
        Assert.Equal((tip.Reference, "23 tecken"), (entry.Reference, entry.Detail));
    }

    [Theory]
    [InlineData("😀")] // one character, two UTF-16 units
    [InlineData("e\u0301")] // é typed as e + combining acute: one character, two code points before normalisation
    public async Task A_message_counts_characters_as_the_tip_text_does_so_the_limit_holds_exactly(string last)
    {
        var tip = await StoredTipAsync();
        var atLimit = string.Concat(Enumerable.Repeat(last, 10)) + new string('x', StaffConversationService.MaxMessageLength - 10);

        Assert.True(atLimit.Length > StaffConversationService.MaxMessageLength); // longer than the limit in UTF-16
        Assert.Null(await Staff.WriteAsync(Polis, tip.Reference, atLimit + last, ConversationStore.NewToken(), Token));
        Assert.Equal(MessageOutcome.Added, (await Staff.WriteAsync(Polis, tip.Reference, atLimit, ConversationStore.NewToken(), Token))?.Outcome);
        Assert.Equal([atLimit], (await OpenAsync(tip.Reference)).Messages.Select(m => m.Text));
        var entry = Assert.Single((await Get<AuditLog>().ReadAsync(null, null, 50, Token)).Entries, e => e.Action == AuditAction.Wrote);
        Assert.Equal($"{StaffConversationService.MaxMessageLength} tecken", entry.Detail);
    }

    /// <summary>The tipster notices in the pickup folder (the test services' mail transport), as MIME text.</summary>
    private string[] Notices() =>
        [.. Directory.GetFiles(Get<IOptions<DigestOptions>>().Value.PickupDirectory, "notice-*.eml").Select(File.ReadAllText)];

    [Fact]
    public async Task A_tipster_who_asked_gets_one_e_mail_per_message_with_neither_its_words_nor_the_code_and_others_get_none()
    {
        var asked = await StoredTipAsync(notify: true);
        var silent = await StoredTipAsync();
        var token = ConversationStore.NewToken();

        var written = await Staff.WriteAsync(Polis, asked.Reference, "Vilken färg hade bilen?", token, Token);
        var again = await Staff.WriteAsync(Polis, asked.Reference, "Vilken färg hade bilen?", token, Token);
        var toSilent = await Staff.WriteAsync(Polis, silent.Reference, "Vilken färg hade bilen?", ConversationStore.NewToken(), Token);

        Assert.Equal(new MessageWritten(MessageOutcome.Added, TipsterNotice.Sent), written);
        Assert.Equal(new MessageWritten(MessageOutcome.AlreadyAdded), again);
        Assert.Equal(new MessageWritten(MessageOutcome.Added), toSilent);
        var notice = Assert.Single(Notices());
        Assert.Contains("To: anna@example.se", notice, StringComparison.Ordinal);
        Assert.Contains("https://tips.grastorp.example/status", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("färg", notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(asked.Reference, notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(silent.Reference, notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("knark", notice, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_notice_the_mail_transport_refuses_leaves_the_message_stored_and_says_so_without_the_address_in_a_log()
    {
        var logs = new CapturedLogs();
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["Retention:Days"] = "365" }, s =>
        {
            s.AddSingleton<IDigestSender, RefusingSender>();
            s.AddSingleton<ILoggerProvider>(logs);
        });
        var tip = await TipFactory.IssuedAsync(services, "Det langas knark vid skolan.", _time.GetUtcNow(), "grastorp", Token) with { NotifyByEmail = true };
        await services.GetRequiredService<TipRecorder>().RecordAsync(tip, Drugs, [], Token);

        var written = await services.GetRequiredService<StaffConversationService>().WriteAsync(Polis, tip.Reference, "Vilken kväll?", ConversationStore.NewToken(), Token);

        Assert.Equal(new MessageWritten(MessageOutcome.Added, TipsterNotice.Failed), written);
        Assert.Single(await services.GetRequiredService<ConversationStore>().ReadAsync(tip.Partition, tip.Reference, Token));
        Assert.Contains(logs.Lines, l => l.Contains("could not be sent", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("anna@example.se", StringComparison.Ordinal) || l.Contains(tip.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retention_removes_the_notice_files_by_the_same_cutoff_as_the_contact_they_were_sent_to()
    {
        var tip = await StoredTipAsync(notify: true);
        await Staff.WriteAsync(Polis, tip.Reference, "Vilken kväll?", ConversationStore.NewToken(), Token);
        Assert.Single(Notices());

        _time.Advance(TimeSpan.FromDays(365) - TimeSpan.FromMinutes(1));
        await Get<RetentionService>().RunAsync(Token);
        Assert.Single(Notices());
        Assert.NotNull((await ListedAsync(tip)).Contact);

        // A minute past the period: the contact goes, and the file holding it in the same run (not at the day's end).
        _time.Advance(TimeSpan.FromMinutes(2));
        await Get<RetentionService>().RunAsync(Token);
        Assert.Null((await ListedAsync(tip)).Contact);
        Assert.Empty(Notices());
        Assert.False((await ListedAsync(tip)).NotifyByEmail);
    }

    [Fact]
    public async Task An_erasure_removes_the_notices_sent_to_the_erased_tips_address_and_no_others()
    {
        var erased = await StoredTipAsync(notify: true);
        var kept = await TipFactory.IssuedAsync(_services, "Bilar kör för fort vid skolan.", _time.GetUtcNow(), "grastorp", Token) with { Contact = "per@example.se", NotifyByEmail = true };
        await Get<TipRecorder>().RecordAsync(kept, Drugs, [], Token);
        await Staff.WriteAsync(Polis, erased.Reference, "Vilken kväll?", ConversationStore.NewToken(), Token);
        await Staff.WriteAsync(Polis, kept.Reference, "Vilken bil?", ConversationStore.NewToken(), Token);
        Assert.Equal(2, Notices().Length);

        Assert.Equal(ErasureOutcome.Erased, await Get<ErasureService>().EraseAsync(erased.Reference, Token));

        var left = Assert.Single(Notices());
        Assert.Contains("To: per@example.se", left, StringComparison.Ordinal);
    }

    private sealed class RefusingSender : IDigestSender
    {
        public Task SendAsync(DigestMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"5.1.1 <{message.To[0]}>: recipient refused");
    }

    [Fact]
    public async Task The_old_public_reply_is_the_first_staff_message_of_the_thread()
    {
        var tip = await StoredTipAsync();
        await LegacyReply.WriteAsync(Get<IntakeTables>(), tip.Partition, tip.Reference, "Tack för tipset.", _time.GetUtcNow(), Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Staff.WriteAsync(Polis, tip.Reference, "En fråga till: vilken tid?", ConversationStore.NewToken(), Token);

        Assert.Equal(["Tack för tipset.", "En fråga till: vilken tid?"], (await OpenAsync(tip.Reference)).Messages.Select(m => m.Text));
        // The officer's tip page shows the same thread: the reply form that used to show it is gone.
        var page = await Get<TipPageService>().ShowAsync(Polis, tip.Reference, "none", Token);
        Assert.Equal(["Tack för tipset.", "En fråga till: vilken tid?"], page!.Conversation.Select(m => m.Text));
        Assert.True(page.Conversation[0].FromStaff);
    }

    [Fact]
    public async Task Retention_removes_the_thread_with_the_text_and_an_unknown_code_learns_nothing()
    {
        var tip = await StoredTipAsync();
        await Staff.WriteAsync(Polis, tip.Reference, "Vilken kväll?", ConversationStore.NewToken(), Token);
        await Residents.AnswerAsync(tip.Reference, "Fredag.", (await OpenAsync(tip.Reference)).Token, Resident, Token);

        _time.Advance(TimeSpan.FromDays(366));
        await Get<RetentionService>().RunAsync(Token);

        Assert.Empty(await Get<ConversationStore>().ReadAsync(tip.Partition, tip.Reference, Token));
        Assert.False((await ListedAsync(tip)).NewAnswer);
        Assert.Null((await Residents.OpenAsync(tip.Reference, Resident, Token)).Thread);
        Assert.True((await Residents.AnswerAsync(tip.Reference, "Hallå?", ConversationStore.NewToken(), Resident, Token)).NotFound);
    }

    [Fact]
    public async Task How_the_resident_knows_travels_through_the_queue_to_the_tip_row_its_copy_and_the_digest_read()
    {
        var received = await TipFactory.IssuedAsync(_services, "Det langas knark vid skolan på kvällarna.", _time.GetUtcNow(), "grastorp", Token) with { Source = TipSource.Told };
        var tip = Grastorp.Intake.Core.Tips.Queue.TipMessage.From(received).ToReceivedTip();
        Assert.Equal(RecordOutcome.Counted, await Get<TipRecorder>().RecordAsync(tip, Drugs, [], Token));

        Assert.Equal(TipSource.Told, (await ListedAsync(tip)).Source);
        Assert.Equal(TipSource.Told, (await Get<TipLister>().ReadTipAsync(tip.Partition, tip.Reference, Token))!.Source);
        Assert.Equal(TipSource.Told, Assert.Single(await Get<TipWeekReader>().ReadTipsAsync(tip.Partition, Token)).Source);
    }

    public void Dispose() => _services.Dispose();
}
