using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>Open WebUI's chat page (upstream DOM: <c>#chat-input</c> contenteditable, <c>#send-message-button</c>, sidebar history).</summary>
public sealed class ChatPage(IPage page, string baseUrl)
{
    public ILocator Input => page.Locator("#chat-input");

    public ILocator Send => page.Locator("button#send-message-button[type=submit]");

    public ILocator ModelSelector => page.GetByRole(AriaRole.Button, new() { Name = "Select a model" });

    public ILocator UserMessages => page.Locator(".chat-user");

    public ILocator AssistantMessages => page.Locator(".chat-assistant");

    public ILocator History => page.Locator("#sidebar").GetByRole(AriaRole.Link);

    public ILocator HistoryItem(string title) => page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + "/").ConfigureAwait(false);
        await Expect(Input).ToBeVisibleAsync().ConfigureAwait(false);
        await PageSettling.AfterFirstApiCallsAsync(page).ConfigureAwait(false);
    }

    public async Task SendAsync(string text)
    {
        await Input.ClickAsync().ConfigureAwait(false);
        await Input.PressSequentiallyAsync(text).ConfigureAwait(false);
        await Expect(Send).ToBeEnabledAsync().ConfigureAwait(false);
        await Send.ClickAsync().ConfigureAwait(false);
    }
}
