namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// The shared wait of the browser tests (issue 27): arriving is the address and the page's heading, never the load
/// event. Pages are served by Playwright's router on an address no server has, one of them with an image that is held
/// until the test ends, so its load event cannot come.
/// </summary>
public sealed class PageArrivalTests(Chromium chromium)
{
    private const string Origin = "http://arrival.test";

    [Fact]
    public async Task A_page_has_arrived_when_its_address_and_heading_are_there_even_if_its_load_event_never_comes()
    {
        await using var held = await HeldPagesAsync();
        await held.Page.GetByRole(AriaRole.Link, new() { Name = "Till B" }).ClickAsync();

        // The address is already the new one when the wait starts: the case the loaded CI runs met (a click in
        // Playwright returns once its navigation has committed).
        await Assertions.Expect(held.Page).ToHaveURLAsync(Origin + "/b");
        await held.Page.ArrivedAtAsync(url => url.AbsolutePath == "/b");

        Assert.Equal("B", await held.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("interactive", await held.Page.EvaluateAsync<string>("() => document.readyState"));
    }

    [Fact]
    public async Task A_page_that_never_arrives_is_named_by_the_address_the_browser_did_reach()
    {
        await using var held = await HeldPagesAsync();
        await held.Page.GetByRole(AriaRole.Link, new() { Name = "Till B" }).ClickAsync();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => held.Page.ArrivedAtAsync(url => url.AbsolutePath == "/c", TimeSpan.FromSeconds(1)));
        Assert.Contains(Origin + "/b", timeout.Message, StringComparison.Ordinal);
    }

    /// <summary>Page A links to page B, whose image is answered only when this is disposed.</summary>
    private async Task<HeldPages> HeldPagesAsync()
    {
        var context = await chromium.Browser.NewContextAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await context.RouteAsync(Origin + "/**", async route =>
        {
            switch (new Uri(route.Request.Url).AbsolutePath)
            {
                case "/a":
                    await route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>A</title><h1>A</h1><a href=\"/b\">Till B</a>" });
                    break;
                case "/b":
                    await route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>B</title><h1>B</h1><img src=\"/held.png\" alt=\"\">" });
                    break;
                default:
                    await release.Task;
                    await route.AbortAsync();
                    break;
            }
        });

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(5_000);
        await page.GotoAsync(Origin + "/a");
        return new HeldPages(context, page, release);
    }

    private sealed record HeldPages(IBrowserContext Context, IPage Page, TaskCompletionSource Release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Release.TrySetResult();
            await Context.CloseAsync();
        }
    }
}
