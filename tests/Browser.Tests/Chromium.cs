namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// Debian's own Chromium (apt, /usr/bin/chromium) driven by Playwright: no `playwright install`, no downloaded browser.
/// One browser for the test assembly; each test opens contexts of its own.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh context (no shared cookies or cache) at the given width; JavaScript on unless told otherwise.</summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl, int width = 1280, bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 812 : 900 },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
