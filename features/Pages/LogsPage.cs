using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>The fork's logs page (selectors from <see cref="ForkSelectors"/>).</summary>
public sealed class LogsPage(IPage page, string baseUrl, ForkSelectors selectors)
{
    private ForkSelectors S => selectors;

    public ILocator Table => page.Locator(S["logs.table"]);

    public ILocator Rows => page.Locator(S["logs.rows"]);

    public ILocator Error => page.Locator(S["logs.error"]);

    public ILocator Levels => Rows.Locator(S["logs.rowLevel"]);

    public ILocator Messages => Rows.Locator(S["logs.rowMessage"]);

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + S["logs.path"]).ConfigureAwait(false);
        await Expect(page.Locator(S["logs.heading"])).ToBeVisibleAsync().ConfigureAwait(false);
        await LoadedAsync().ConfigureAwait(false);
    }

    /// <summary>Waits until the table is no longer busy (the page marks a load in flight with aria-busy).</summary>
    public Task LoadedAsync() => Expect(Table).ToHaveAttributeAsync(S["logs.busyAttribute"], "false");

    public async Task FilterByLevelAsync(string level)
    {
        await page.Locator(S["logs.level"]).SelectOptionAsync(level).ConfigureAwait(false);
        await LoadedAsync().ConfigureAwait(false);
    }

    public async Task SearchAsync(string text)
    {
        await page.Locator(S["logs.search"]).FillAsync(text).ConfigureAwait(false);
        await page.Locator(S["logs.search"]).PressAsync("Enter").ConfigureAwait(false);
        await LoadedAsync().ConfigureAwait(false);
    }
}
