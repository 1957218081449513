using Azure.Storage.Queues;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.TestKit;

namespace Grastorp.Intake.Cli.Tests;

public sealed class PoisonCommandTests
{
    private const string Marker = "ZqxPoison5520";
    private readonly string _connection = AzuriteAccounts.NewConnectionString();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Settings => StorageSettings.For(_connection);

    private QueueClient Queue(string name) => new(_connection, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static string Message(string reference) => TipMessageCodec.Encode(new TipMessage
    {
        Version = TipMessage.CurrentVersion,
        Reference = reference,
        ReceivedAt = new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero),
        Municipality = "vara",
        Kind = TipKind.Tip,
        Text = $"Det langas knark vid {Marker}-skolan.",
        Contact = $"{Marker}@example.se",
    });

    [Fact]
    public async Task Poison_list_shows_reference_reason_and_first_seen_but_never_the_text()
    {
        var poison = Queue(StorageNames.TipsPoisonQueue);
        await poison.CreateIfNotExistsAsync(cancellationToken: Cancel);
        var reference = TipReference.New().Value;
        // "First seen" is when the message reached the poison queue (the queue's clock), whatever the date.
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-5);
        await poison.SendMessageAsync(Message(reference), Cancel);
        await poison.SendMessageAsync($"{{\"text\":\"{Marker}\"", Cancel);

        var (exitCode, output, error) = await CliRun.RunWithSettingsAsync(Settings, string.Empty, "poison", "list");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var fields = lines[0].Split('\t');
        Assert.Equal(reference, fields[0]);
        var firstSeen = DateTimeOffset.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(firstSeen, before, TimeProvider.System.GetUtcNow().AddSeconds(5));
        Assert.StartsWith("-\t", lines[1], StringComparison.Ordinal);
        Assert.Contains("unreadable: the message is not valid JSON", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poison_replay_of_one_reference_moves_only_that_tip_back_to_the_tips_queue()
    {
        var poison = Queue(StorageNames.TipsPoisonQueue);
        await poison.CreateIfNotExistsAsync(cancellationToken: Cancel);
        var (wanted, other) = (TipReference.New().Value, TipReference.New().Value);
        await poison.SendMessageAsync(Message(wanted), Cancel);
        await poison.SendMessageAsync(Message(other), Cancel);

        var (exitCode, output, _) = await CliRun.RunWithSettingsAsync(Settings, string.Empty, "poison", "replay", "--reference", wanted);

        Assert.Equal(0, exitCode);
        Assert.Equal("1 replayed", output.Trim());
        var tips = (await Queue(StorageNames.TipsQueue).PeekMessagesAsync(10, Cancel)).Value;
        Assert.Equal(wanted, TipMessageCodec.Decode(Assert.Single(tips).MessageText).Reference);
        Assert.Equal(DateTimeOffset.MaxValue.Year, tips[0].ExpiresOn?.Year);
        var left = (await poison.PeekMessagesAsync(10, Cancel)).Value;
        Assert.Equal(other, TipMessageCodec.Decode(Assert.Single(left).MessageText).Reference);
    }
}
