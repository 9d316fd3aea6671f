using Microsoft.Playwright;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>A report page opened in headless Debian Chromium, with its own throwaway home; disposing closes it all.</summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly DirectoryInfo _home;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ReportBrowser(DirectoryInfo home, IPlaywright playwright, IBrowser browser, IPage page)
    {
        _home = home;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<ReportBrowser> OpenAsync(string htmlFile)
    {
        var home = Directory.CreateTempSubdirectory("fixxit-gherkin-chromium-");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            TracesDir = Path.Combine(home.FullName, "traces"),
            Env = new Dictionary<string, string> { ["HOME"] = home.FullName },
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(htmlFile).AbsoluteUri);
        return new ReportBrowser(home, playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _home.Delete(recursive: true);
    }
}
