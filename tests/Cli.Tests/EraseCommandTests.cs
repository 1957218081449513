using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Cli.Tests;

public sealed class EraseCommandTests
{
    private const string Marker = "ZqxErase7731";
    private readonly string _connection = AzuriteAccounts.NewConnectionString();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Settings => StorageSettings.For(_connection);

    [Fact]
    public async Task Erase_clears_the_tip_s_content_by_its_reference_and_prints_nothing_of_it()
    {
        await using var services = StorageSettings.CoreServices(_connection);
        var now = DateTimeOffset.UtcNow;
        var partition = TipPartition.Of("essunga", now);
        var reference = await services.GetRequiredService<ReceiptStore>().IssueAsync(partition, now, Cancel);
        var tip = new ReceivedTip(reference.Value, now, "essunga", TipKind.Tip, $"Det langas knark vid {Marker}-skolan.", null, null, $"{Marker}@example.se");
        var lister = services.GetRequiredService<TipLister>();
        var recorder = services.GetRequiredService<TipRecorder>();
        Assert.Equal(RecordOutcome.Counted, await recorder.RecordAsync(tip, new TipClassification([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]), [], Cancel));

        var (exitCode, output, error) = await CliRun.RunWithSettingsAsync(Settings, string.Empty, "erase", reference.Value);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("erased", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, output + error, StringComparison.Ordinal);
        var stored = Assert.Single((await lister.ListAsync(partition, new TipListFilter(null, null, 10, null), Cancel)).Tips);
        Assert.Equal((string.Empty, (string?)null), (stored.Text, stored.Contact));
        Assert.Null(await services.GetRequiredService<ReceiptStore>().FindAsync(reference, Cancel));
    }

    [Fact]
    public async Task Erase_of_an_unknown_reference_says_so_and_exits_1()
    {
        var (exitCode, output, error) = await CliRun.RunWithSettingsAsync(Settings, string.Empty, "erase", "0123456789");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("unknown reference", error, StringComparison.Ordinal);
    }
}
