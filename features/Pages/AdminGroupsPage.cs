using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>Open WebUI's admin panel, Groups tab (<c>/admin/users/groups</c>).</summary>
public sealed class AdminGroupsPage(IPage page, string baseUrl)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Groups" }).First;

    public ILocator GroupLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + "/admin/users/groups").ConfigureAwait(false);
        await Expect(Heading).ToBeVisibleAsync().ConfigureAwait(false);
    }
}
