using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>Open WebUI's sign-in page (<c>/auth</c>, upstream DOM: labelled Email and Password, "Sign in" submit).</summary>
public sealed class SignInPage(IPage page, string baseUrl)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator SignIn => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + "/auth").ConfigureAwait(false);
        await Expect(SignIn).ToBeVisibleAsync().ConfigureAwait(false);
    }

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email).ConfigureAwait(false);
        await Password.FillAsync(password).ConfigureAwait(false);
        // Upstream's password input updates its value on "change", which a real user's leaving the field fires.
        await Password.BlurAsync().ConfigureAwait(false);
        await SignIn.ClickAsync().ConfigureAwait(false);
    }
}
