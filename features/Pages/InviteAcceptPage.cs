using Microsoft.Playwright;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>The fork's registration page an invitation link opens (selectors from <see cref="ForkSelectors"/>).</summary>
public sealed class InviteAcceptPage(IPage page, ForkSelectors selectors)
{
    private ForkSelectors S => selectors;

    public ILocator Email => page.Locator(S["invite.email"]);

    public ILocator Problem => page.Locator(S["invite.problem"]);

    public ILocator Submit => page.Locator(S["invite.submit"]);

    public Task OpenAsync(string link) => page.GotoAsync(link);

    public async Task RegisterAsync(string name, string password)
    {
        await page.Locator(S["invite.name"]).FillAsync(name).ConfigureAwait(false);
        await page.Locator(S["invite.password"]).FillAsync(password).ConfigureAwait(false);
        await Submit.ClickAsync().ConfigureAwait(false);
    }
}
