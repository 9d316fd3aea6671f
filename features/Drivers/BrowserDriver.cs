using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.Evidence.Traces;
using Fixxit.Gherkin.NUnit;
using Microsoft.Playwright;
using Reqnroll;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// The scenario's browser: a fresh context (own cookies and storage) on a pooled Chromium, created on first use, with
/// tracing on. At the end every scenario that opened a page gets one screenshot embedded in the report (password fields
/// and elements that show a token blacked out), so the checklist view shows each UI check: a passed one the viewport as
/// a small JPEG, a failed one the full page as PNG. A failed scenario also keeps its trace as a file beside the report,
/// masked (<see cref="TraceMasking"/>); the raw trace never leaves the run's private scratch folder.
/// </summary>
public sealed class BrowserDriver(ChecklistRun run, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private IPage? _page;

    public bool IsOpen => _page is not null;

    /// <summary>The scenario's page (opening the browser context on first use).</summary>
    public async Task<IPage> PageAsync()
    {
        if (_page is not null) return _page;
        _browser = await run.Browsers.RentAsync().ConfigureAwait(false);
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        }).ConfigureAwait(false);
        _context.SetDefaultTimeout(15_000);
        // DOM snapshots, not screencast frames: text can be masked, pixels cannot.
        await _context.Tracing.StartAsync(new TracingStartOptions { Screenshots = false, Snapshots = true, Title = scenario.ScenarioInfo.Title }).ConfigureAwait(false);
        _page = await _context.NewPageAsync().ConfigureAwait(false);
        return _page;
    }

    /// <summary>Signs the page in as <paramref name="role"/> the way the SPA does: the role's token in localStorage.token.</summary>
    public async Task<IPage> SignedInPageAsync(AppEnvironment environment, Role role)
    {
        var token = await run.Api.TokenAsync(environment, role).ConfigureAwait(false);
        var page = await PageAsync().ConfigureAwait(false);
        // Set before any page script runs, for this origin only; the same token the run already holds (no extra sign-in).
        await page.Context.AddInitScriptAsync(
            $"if (location.origin === {System.Text.Json.JsonSerializer.Serialize(new Uri(environment.PublicUrl).GetLeftPart(UriPartial.Authority))}) " +
            $"localStorage.setItem('token', {System.Text.Json.JsonSerializer.Serialize(token)});").ConfigureAwait(false);
        return page;
    }

    /// <summary>What a screenshot blacks out: every password field, and the fork's elements that show a token (invitation links).</summary>
    private ILocator[] SecretElements(IPage page) =>
        [page.Locator("input[type=password]"), page.Locator(run.Selectors["report.secretElements"])];

    /// <summary>
    /// The end-of-scenario picture, secrets blacked out. A pass needs only proof of what was on screen: the viewport at
    /// CSS scale as JPEG (tens of kB, it is embedded in the report); a failure gets the whole page, losslessly.
    /// </summary>
    private Task<byte[]> ScreenshotAsync(IPage page, bool failed) => page.ScreenshotAsync(failed
        ? new PageScreenshotOptions { FullPage = true, Mask = SecretElements(page), MaskColor = "#000000" }
        : new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 60, Scale = ScreenshotScale.Css, Mask = SecretElements(page), MaskColor = "#000000" });

    /// <summary>Called after every scenario: evidence for a failure, then the context is closed and the browser returned.</summary>
    public async Task FinishAsync()
    {
        if (_context is null || _browser is null) return;
        var failed = scenario.TestError is not null;
        try
        {
            // A page that never navigated (the scenario failed before it) would only be a white picture.
            if (_page is { IsClosed: false } page && page.Url != "about:blank")
            {
                ReportArtifacts.AttachScreenshot(output, await ScreenshotAsync(page, failed).ConfigureAwait(false),
                    (failed ? "failure " : "end ") + scenario.ScenarioInfo.Title);
            }

            if (failed)
            {
                var raw = run.Scratch.NewFile("traces", ".zip");
                var masked = Path.Combine(run.Scratch.Folder("traces-masked"), Guid.NewGuid().ToString("N")[..8] + "-trace.zip");
                try
                {
                    await _context.Tracing.StopAsync(new TracingStopOptions { Path = raw }).ConfigureAwait(false);
                    TraceMasking.WriteMasked(raw, masked);
                    ReportArtifacts.AttachFileLink(output, masked);
                }
                finally
                {
                    File.Delete(raw);
                    File.Delete(masked);
                }
            }
            else
            {
                await _context.Tracing.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _context.CloseAsync().ConfigureAwait(false);
            run.Browsers.Return(_browser);
            _context = null;
            _page = null;
            _browser = null;
        }
    }
}
