namespace Grastorp.Intake.Browser.Tests;

/// <summary>Waiting for a navigation a click started, as a person would: the address has changed and the new page shows its heading.</summary>
internal static class PageArrival
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <remarks>
    /// Not <c>WaitForURLAsync</c>: when the address already matches (a click returns once its navigation has
    /// committed, so it usually does), Playwright waits for the load event, whatever <c>WaitUntil</c> says (it maps
    /// <c>Commit</c> to <c>Load</c> there). Loaded CI runs stopped 30 s in that wait on pages that had gone network-idle
    /// (issue 27; <c>PageArrivalTests</c> holds a page's load event to show it). So the address is read from the page's
    /// own navigations, listened to before the current address is checked so that none is missed, and the heading is
    /// looked for in the page itself.
    /// </remarks>
    public static async Task ArrivedAtAsync(this IPage page, Func<Uri, bool> where, TimeSpan? timeout = null)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame && where(new Uri(frame.Url)))
            {
                arrived.TrySetResult();
            }
        }

        page.FrameNavigated += OnNavigated;
        try
        {
            if (where(new Uri(page.Url)))
            {
                arrived.TrySetResult();
            }

            await arrived.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The page did not arrive within {(timeout ?? DefaultTimeout).TotalSeconds} s; the browser is at {page.Url}.");
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        await page.Locator("h1").WaitForAsync();
    }
}
