using System.Text.Json;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Cli.Tests;

public sealed class ExportCorrectionsCommandTests
{
    private const string Marker = "ZqxExport5521";
    private readonly string _connection = AzuriteAccounts.NewConnectionString();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Settings => StorageSettings.For(_connection);

    [Fact]
    public async Task Export_writes_each_corrected_tip_beside_the_classifiers_themes_with_no_contact_and_no_text_once_erased()
    {
        await using var services = StorageSettings.CoreServices(_connection);
        var corrector = services.GetRequiredService<TipCorrector>();
        var recorder = services.GetRequiredService<TipRecorder>();
        var now = DateTimeOffset.UtcNow;
        var partition = TipPartition.Of("essunga", now);

        async Task<string> RecordAsync(string text, string theme)
        {
            var reference = await services.GetRequiredService<ReceiptStore>().IssueAsync(partition, now, Cancel);
            var tip = new ReceivedTip(reference.Value, now, "essunga", TipKind.Tip, text, $"{Marker}gatan 3", null, $"{Marker}@example.se");
            Assert.Equal(RecordOutcome.Counted, await recorder.RecordAsync(tip, new TipClassification([new ThemeMatch(theme, 0.9, [])]), [], Cancel));
            return reference.Value;
        }

        var corrected = await RecordAsync("Bilarna kör för fort vid skolan", Theme.Drugs);
        var erased = await RecordAsync("Någon har tagit min cykel", Theme.Other);
        _ = await RecordAsync("Inbrott i förrådet", Theme.Burglary);
        // Corrected twice: one line, with the last themes and the classifier's first ones.
        Assert.Equal(CorrectionOutcome.Corrected, await corrector.CorrectAsync(partition, new ThemeCorrection(corrected, [Theme.Burglary], new string('a', 32), "Eva"), Cancel));
        Assert.Equal(CorrectionOutcome.Corrected, await corrector.CorrectAsync(partition, new ThemeCorrection(corrected, [Theme.Traffic], new string('b', 32), "Eva"), Cancel));
        Assert.Equal(CorrectionOutcome.Corrected, await corrector.CorrectAsync(partition, new ThemeCorrection(erased, [Theme.Burglary], new string('c', 32), "Eva"), Cancel));
        Assert.Equal(ErasureOutcome.Erased, await services.GetRequiredService<ErasureService>().EraseAsync(erased, Cancel));

        var (exitCode, output, error) = await CliRun.RunWithSettingsAsync(Settings, string.Empty, "export-corrections");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(Marker, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(corrected, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(erased, output + error, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        var withText = Assert.Single(lines, l => l.TryGetProperty("text", out _));
        Assert.Equal("Bilarna kör för fort vid skolan", withText.GetProperty("text").GetString());
        Assert.Equal([Theme.Traffic], withText.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([Theme.Drugs], withText.GetProperty("originalThemes").EnumerateArray().Select(t => t.GetString()));
        var withoutText = Assert.Single(lines, l => !l.TryGetProperty("text", out _));
        Assert.Equal([Theme.Burglary], withoutText.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([Theme.Other], withoutText.GetProperty("originalThemes").EnumerateArray().Select(t => t.GetString()));
        Assert.All(lines, l => Assert.Equal(
            ["id", "originalThemes", "themes", "week"],
            l.EnumerateObject().Select(p => p.Name).Where(n => n != "text").Order(StringComparer.Ordinal)));
        Assert.StartsWith("2 corrections exported, 1 of them without text", error, StringComparison.Ordinal);
    }
}
