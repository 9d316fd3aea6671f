using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>The fork's invitations page (selectors from <see cref="ForkSelectors"/>).</summary>
public sealed class InvitationsPage(IPage page, string baseUrl, ForkSelectors selectors)
{
    private ForkSelectors S => selectors;

    public ILocator CreatedUrl => page.Locator(S["invitations.createdUrl"]);

    public ILocator Row(string email) => page.Locator(S["invitations.row"]).Filter(new() { HasText = email });

    public ILocator Status(string email) => Row(email).Locator(S["invitations.rowStatus"]);

    public ILocator Url(string email) => Row(email).Locator(S["invitations.rowUrl"]);

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + S["invitations.path"]).ConfigureAwait(false);
        await Expect(page.Locator(S["invitations.heading"])).ToBeVisibleAsync().ConfigureAwait(false);
        await PageSettling.AfterFirstApiCallsAsync(page).ConfigureAwait(false);
    }

    public async Task CreateAsync(string email, string role)
    {
        await page.Locator(S["invitations.email"]).FillAsync(email).ConfigureAwait(false);
        await page.Locator(S["invitations.role"]).SelectOptionAsync(role).ConfigureAwait(false);
        await page.Locator(S["invitations.create"]).ClickAsync().ConfigureAwait(false);
        await Expect(Row(email)).ToBeVisibleAsync().ConfigureAwait(false);
    }

    public Task RevokeAsync(string email) => page.Locator(S["invitations.revoke", ("email", email)]).ClickAsync();

    public Task DeleteAsync(string email) => page.Locator(S["invitations.delete", ("email", email)]).ClickAsync();
}
