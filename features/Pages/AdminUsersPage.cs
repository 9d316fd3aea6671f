using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>Open WebUI's admin panel, Users tab (<c>/admin/users</c>: "Users" heading with the count, table, Add User dialog).</summary>
public sealed class AdminUsersPage(IPage page, string baseUrl)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = false }).First;

    public ILocator Rows => page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);

    public ILocator Row(string email) => Rows.Filter(new() { HasText = email });

    public ILocator RoleBadge(string email) => Row(email).GetByRole(AriaRole.Button).First;

    public ILocator Search => page.GetByPlaceholder("Search");

    /// <summary>Upstream's Add User is an icon button inside a tooltip labelled "Add User".</summary>
    public ILocator AddUser => page.GetByLabel("Add User", new() { Exact = true }).GetByRole(AriaRole.Button);

    public ILocator AddUserDialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Add User" });

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + "/admin/users").ConfigureAwait(false);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/users")).ConfigureAwait(false);
        await Expect(Heading).ToBeVisibleAsync().ConfigureAwait(false);
        await PageSettling.AfterFirstApiCallsAsync(page).ConfigureAwait(false);
    }

    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text).ConfigureAwait(false);
        await Expect(Row(text)).ToBeVisibleAsync().ConfigureAwait(false);
    }

    public async Task AddUserAsync(string role, string name, string email, string password)
    {
        await AddUser.ClickAsync().ConfigureAwait(false);
        var dialog = AddUserDialog;
        await Expect(dialog).ToBeVisibleAsync().ConfigureAwait(false);
        await dialog.GetByLabel("Role").SelectOptionAsync(role).ConfigureAwait(false);
        await dialog.GetByLabel("Name").FillAsync(name).ConfigureAwait(false);
        await dialog.GetByLabel("Email").FillAsync(email).ConfigureAwait(false);
        await dialog.GetByLabel("Password", new() { Exact = true }).FillAsync(password).ConfigureAwait(false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync().ConfigureAwait(false);
        await Expect(dialog).ToBeHiddenAsync().ConfigureAwait(false);
    }
}
