using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Processing;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Tips;

/// <summary>
/// A message anyone with the storage key could have written: the queue side checks every field the intake checks,
/// with the intake's own validator, and poisons (with a reason naming the field, never its content) what fails.
/// </summary>
public sealed class QueueRecheckTests : IDisposable
{
    private const string Text = "Inbrott i förrådet på Storgatan i natt.";

    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A v1 message as the intake writes it (Thursday of week 48, 12:00 UTC), with one field replaced by raw JSON.</summary>
    private static string Message(string? field = null, string? json = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["v"] = "1",
            ["reference"] = "\"K7QM3XDP2A\"",
            ["receivedAt"] = "\"2026-11-26T12:00:00+00:00\"",
            ["municipality"] = "\"vara\"",
            ["kind"] = "\"tip\"",
            ["text"] = System.Text.Json.JsonSerializer.Serialize(Text),
            ["place"] = "\"Storgatan 5\"",
            ["observedAt"] = "\"2026-11-25T22:30:00+00:00\"",
            ["contact"] = "\"070-123 45 67\"",
        };
        if (field is not null)
        {
            values[field] = json!;
        }

        return "{" + string.Join(",", values.Select(v => $"\"{v.Key}\":{v.Value}")) + "}";
    }

    private static string Quoted(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "text", Quoted(new string('a', TipLimits.MaxTextLength + 1)), "text" },
        { "text", Quoted("kort"), "text" },
        { "text", Quoted("\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200Bkort"), "text" },
        { "text", Quoted("Inbrott i förrådet\u0000\u0007\u001B i natt på Storgatan."), "text" },
        { "text", Quoted("Inbrott i förrådet \u202Eegrag\u202C på Storgatan."), "text" },
        { "text", Quoted("   " + Text), "text" },
        { "municipality", Quoted("lidkoping"), "municipality" },
        { "municipality", Quoted("VARA"), "municipality" },
        { "place", Quoted(new string('p', TipLimits.MaxPlaceLength + 1)), "place" },
        { "place", Quoted("Storgatan\u0000 5"), "place" },
        { "contact", Quoted(new string('1', TipLimits.MaxContactLength + 1)), "contact" },
        { "contact", Quoted("070\u0007123"), "contact" },
        { "observedAt", Quoted("1999-12-31T23:00:00+00:00"), "observedAt" },
        { "observedAt", Quoted("2026-11-26T12:05:01+00:00"), "observedAt" },
        { "receivedAt", Quoted("2026-11-26T14:00:00+00:00"), "receivedAt" },
        { "receivedAt", Quoted("1999-11-24T10:00:00+00:00"), "receive time" },
        { "kind", Quoted("bad"), "kind" },
        { "kind", "1", "kind" },
        { "reference", Quoted("k7qm3xdp2a"), "reference" },
        { "v", "2", "version" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_message_with_a_field_the_intake_would_refuse_is_poisoned_with_a_reason_and_not_counted(string field, string json, string named)
    {
        var message = Message(field, json);

        var outcome = await _services.GetRequiredService<TipProcessor>().ProcessAsync(message, "hand-written-1", 1, Token);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        var poisoned = (await _services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TipsPoisonQueue).ReceiveMessageAsync(cancellationToken: Token)).Value;
        Assert.Equal(message, poisoned.MessageText);
        var counts = await _services.GetRequiredService<TipWeekReader>().ReadCountsAsync(new TipPartition("vara", WeekId.Parse("2026-W48", null)), Token);
        Assert.Equal(0, counts.Tips);
        var row = Assert.Single(await _services.GetRequiredService<TableServiceClient>().GetTableClient("PoisonedTips").QueryAsync<TableEntity>(cancellationToken: Token).ToListAsync(Token));
        var reason = row.GetString("Reason");
        Assert.StartsWith("unreadable: ", reason, StringComparison.Ordinal);
        Assert.Contains(named, reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Storgatan", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("070", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_message_as_the_intake_writes_it_is_counted()
    {
        var outcome = await _services.GetRequiredService<TipProcessor>().ProcessAsync(Message(), "hand-written-2", 1, Token);

        Assert.Equal(ProcessOutcome.Counted, outcome);
        var counts = await _services.GetRequiredService<TipWeekReader>().ReadCountsAsync(new TipPartition("vara", WeekId.Parse("2026-W48", null)), Token);
        Assert.Equal(1, counts.Tips);
    }

    public void Dispose() => _services.Dispose();
}
