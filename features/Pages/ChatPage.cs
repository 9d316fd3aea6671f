using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>Open WebUI's chat page (upstream DOM: <c>#chat-input</c> contenteditable, <c>#send-message-button</c>, sidebar history).</summary>
public sealed class ChatPage(IPage page, string baseUrl)
{
    public ILocator Input => page.Locator("#chat-input");

    public ILocator Send => page.Locator("button#send-message-button[type=submit]");

    public ILocator ModelSelector => page.GetByRole(AriaRole.Button, new() { Name = "Select a model" });

    /// <summary>The selector's entries once it is open (upstream marks each with aria-roledescription="model-item").</summary>
    public ILocator ModelItems => page.Locator("[aria-roledescription=model-item]");

    /// <summary>The chats of the sidebar's history: upstream links each to <c>/c/{id}</c>.</summary>
    public ILocator HistoryChats => page.Locator("#sidebar a[href^='/c/']");

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

    /// <summary>Opens the model selector and reads the name of every model it offers.</summary>
    public async Task<IReadOnlyList<string>> OfferedModelsAsync()
    {
        await ModelSelector.ClickAsync().ConfigureAwait(false);
        await Expect(ModelItems.First).ToBeVisibleAsync().ConfigureAwait(false);
        var names = await ModelItems.AllInnerTextsAsync().ConfigureAwait(false);
        await page.Keyboard.PressAsync("Escape").ConfigureAwait(false);
        return [.. names.Select(n => n.Trim())];
    }

    /// <summary>The chat ids the history links to, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> HistoryChatIdsAsync()
    {
        var hrefs = await HistoryChats.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))").ConfigureAwait(false);
        return [.. hrefs.Select(h => h[(h.LastIndexOf('/') + 1)..])];
    }

    public async Task SendAsync(string text)
    {
        await Input.ClickAsync().ConfigureAwait(false);
        await Input.PressSequentiallyAsync(text).ConfigureAwait(false);
        await Expect(Send).ToBeEnabledAsync().ConfigureAwait(false);
        await Send.ClickAsync().ConfigureAwait(false);
    }
}
