using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>The fork's manager dashboard (selectors from <see cref="ForkSelectors"/>).</summary>
public sealed class ManagerDashboardPage(IPage page, string baseUrl, ForkSelectors selectors)
{
    private ForkSelectors S => selectors;

    public ILocator Heading => page.Locator(S["manager.heading"]);

    public ILocator GroupRows => page.Locator(S["manager.groupRows"]);

    public ILocator Error => page.Locator(S["manager.error"]);

    public ILocator Members(string group) => page.Locator(S["manager.members", ("group", group)]);

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + S["manager.path"]).ConfigureAwait(false);
        await Expect(Heading).ToBeVisibleAsync().ConfigureAwait(false);
    }

    /// <summary>Group names as shown, once the list matches <paramref name="expectedCount"/> rows (web-first wait).</summary>
    public async Task<IReadOnlyList<string>> GroupNamesAsync(int expectedCount)
    {
        await Expect(GroupRows).ToHaveCountAsync(expectedCount).ConfigureAwait(false);
        return await GroupRows.Locator(S["manager.groupName"]).AllInnerTextsAsync().ConfigureAwait(false);
    }
}
