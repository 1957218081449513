namespace Grastorp.Intake.Browser.Tests;

/// <summary>Waiting for a navigation a click started, as a person would: the address has changed and the new page shows its heading.</summary>
internal static class PageArrival
{
    /// <remarks>
    /// Not <c>WaitForURLAsync</c>'s default, which after the address matches waits for the load event: on a busy
    /// machine that wait once ran 30 s past a page that had loaded and gone network-idle (DashboardErrorTests, after
    /// signing in). The heading is looked for in the page itself, so no browser event can be missed.
    /// </remarks>
    public static async Task ArrivedAtAsync(this IPage page, Func<Uri, bool> where)
    {
        await page.WaitForURLAsync(url => where(new Uri(url)), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("h1").WaitForAsync();
    }
}
