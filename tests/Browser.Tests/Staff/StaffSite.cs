using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>Signing in on the DevHost's development page as a person would, and tips seeded through the real tip store.</summary>
internal static class StaffSite
{
    public static readonly string[] Municipalities = ["grastorp", "vara", "essunga"];

    public static WeekId ThisWeek => SwedishTime.WeekOf(DateTimeOffset.UtcNow);

    public static WeekId LastWeek => ThisWeek.Previous();

    public static async Task SignInAsync(IPage page, string name, string role, string returnPath = "/personal/statistik")
    {
        await page.GotoAsync($"/dev/logga-in?post_login_redirect_uri={Uri.EscapeDataString(returnPath)}");
        await page.Locator("#name").FillAsync(name);
        await page.Locator($"#role-{role.ToLowerInvariant()}").CheckAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync(url => url.AbsolutePath == returnPath.Split('?')[0]);
    }

    /// <summary>A personnummer and a plate, planted in every third seeded tip's text (with an address as its place).</summary>
    public const string PlantedPersonnummer = "19811218-9876";

    public const string PlantedPlate = "ABC 123";

    public const string PlantedPlace = "Storgatan 5B";

    private static string Text(int n, int i) => i == 2
        ? $"Seedat tips {n}: bilen {PlantedPlate} tillhör {PlantedPersonnummer} och det langas knark"
        : $"Seedat tips {n}: det langas knark och bilar kör fort";

    /// <summary>
    /// Tips in three municipalities and two weeks (this one and the last), of every kind and theme, counted by the
    /// store exactly as the queue trigger counts them. Returns the references of this week's tips in Vara, newest last.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(IntakeServer server)
    {
        var recorder = server.Services.GetRequiredService<TipRecorder>();
        var receipts = server.Services.GetRequiredService<ReceiptStore>();
        var now = DateTimeOffset.UtcNow;
        var vara = new List<string>();
        var n = 0;
        foreach (var (municipality, m) in Municipalities.Select((x, i) => (x, i)))
        {
            foreach (var weeksBack in new[] { 1, 0 })
            {
                for (var i = 0; i < 3 + m + weeksBack; i++)
                {
                    n++;
                    var kind = (TipKind)(i % 3);
                    ThemeMatch[] themes = ((i + m) % 4) switch
                    {
                        0 => [new ThemeMatch(Theme.Drugs, 0.9, ["knark"])],
                        1 => [new ThemeMatch(Theme.Traffic, 0.9, ["fort"]), new ThemeMatch(Theme.Drugs, 0.6, ["påverkad"])],
                        2 => [new ThemeMatch(Theme.Burglary, 0.9, ["inbrott"])],
                        _ => [new ThemeMatch(Theme.Other, 1, [])],
                    };
                    var received = now.AddDays(-7 * weeksBack).AddMinutes(-n);
                    if (SwedishTime.WeekOf(received) != SwedishTime.WeekOf(now.AddDays(-7 * weeksBack)))
                    {
                        received = now.AddDays(-7 * weeksBack);
                    }

                    // Under a reference the receipt store issued, as the intake does, so each tip has its own staff page.
                    var reference = await receipts.IssueAsync(TipPartition.Of(municipality, received), received, CancellationToken.None);
                    var tip = new ReceivedTip(
                        reference.Value, received, municipality, kind, Text(n, i), i == 0 ? "=HYPERLINK(\"https://evil.example\",\"Klicka\")" : i == 2 ? PlantedPlace : "Storgatan",
                        null, i == 1 ? "070-123 45 67" : null);
                    await recorder.RecordAsync(tip, new TipClassification(themes), CancellationToken.None);
                    if (municipality == "vara" && weeksBack == 0)
                    {
                        vara.Add(tip.Reference);
                    }
                }
            }
        }

        return vara;
    }
}
