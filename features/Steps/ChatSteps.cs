using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Reqnroll;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class ChatSteps(ChecklistRun run, BrowserDriver browser, AppDriver app, ScenarioState state)
{
    private IReadOnlyList<string> _models = [];

    [When("the user asks for the available models")]
    public async Task WhenTheUserAsksForModels() => _models = await app.ModelIdsAsync(Role.User).ConfigureAwait(false);

    [Then("at least one model is available")]
    public void ThenAtLeastOneModel() =>
        Check.That(_models.Count > 0, $"no model is available to users on {run.UnderTest.Name} (/api/models returned an empty list: no reachable Ollama/OpenAI connection?)");

    [When("the user opens the chat page")]
    public async Task WhenTheUserOpensTheChatPage()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(new ChatPage(page, run.BaseUrl()).OpenAsync, $"the chat page does not load for the user on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the model selector offers exactly the models the API lists")]
    public async Task ThenTheModelSelectorMatchesTheApi()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var models = await app.ModelNamesAsync(Role.User).ConfigureAwait(false);
        Check.That(models.Count > 0, $"no model is available to users on {run.UnderTest.Name} (/api/models returned an empty list: no reachable Ollama/OpenAI connection?)");
        var offered = await Check.ThatAsync(new ChatPage(page, run.BaseUrl()).OfferedModelsAsync,
            $"the model selector on {run.UnderTest.Name} offers no model, though /api/models lists {models.Count}").ConfigureAwait(false);
        // An entry may carry more than the name (tags, a description); each API model must have its own entry.
        var missing = models.Where(m => !offered.Any(o => o == m || o.StartsWith(m + "\n", StringComparison.Ordinal) || o.StartsWith(m + " ", StringComparison.Ordinal))).ToList();
        Check.That(missing.Count == 0, $"the model selector on {run.UnderTest.Name} does not offer the model '{missing.FirstOrDefault()}' that /api/models lists",
            $"API: {string.Join(", ", models)}; selector: {string.Join(", ", offered)}");
        Check.That(offered.Count == models.Count,
            $"the model selector on {run.UnderTest.Name} offers {offered.Count} models, /api/models lists {models.Count}",
            $"API: {string.Join(", ", models)}; selector: {string.Join(", ", offered)}");
    }

    [When("the user sends a check message in a new chat")]
    public async Task WhenTheUserSendsACheckMessage()
    {
        state.ChatPrompt = run.Names.Title("hello");
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => new ChatPage(page, run.BaseUrl()).SendAsync(state.ChatPrompt), $"the user cannot send a message on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the message and the model's reply are shown")]
    public async Task ThenTheMessageAndReplyAreShown()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var chat = new ChatPage(page, run.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/[^/]+$")).ConfigureAwait(false);
            var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            app.DeleteChatAfterScenario(Role.User, id);
            await Expect(chat.UserMessages.Last).ToHaveTextAsync(state.ChatPrompt!).ConfigureAwait(false);
            await Expect(chat.AssistantMessages.Last).Not.ToBeEmptyAsync().ConfigureAwait(false);
        }, $"sending a message on {run.UnderTest.Name} does not create a chat with the message and a reply").ConfigureAwait(false);
    }

    [Then("the chat is saved in the user's chat history")]
    public async Task ThenTheChatIsSaved()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(new ChatPage(page, run.BaseUrl()).HistoryItem(state.ChatPrompt!)).ToBeVisibleAsync(),
            $"the new chat does not appear in the chat history on {run.UnderTest.Name}").ConfigureAwait(false);
        var saved = await app.ChatsAsync(Role.User).ConfigureAwait(false);
        Check.That(saved.Any(c => (string?)c["title"] == state.ChatPrompt), $"the new chat is not saved on {run.UnderTest.Name} (the API does not list it)");
    }

    [Given("the user has a saved check chat")]
    public async Task GivenTheUserHasASavedCheckChat()
    {
        state.ChatTitle = run.Names.Title("saved chat");
        state.ChatPrompt = "What is on the deployment checklist?";
        state.ChatReply = "Every line of Phase 5, run as a scenario.";
        await app.CreateChatAsync(Role.User, state.ChatTitle, state.ChatPrompt, state.ChatReply).ConfigureAwait(false);
    }

    [When("the user opens the check chat from the chat history")]
    public async Task WhenTheUserOpensTheCheckChat()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => new ChatPage(page, run.BaseUrl()).HistoryItem(state.ChatTitle!).ClickAsync(),
            $"the saved chat is not in the chat history on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the check chat's messages are shown")]
    public async Task ThenTheCheckChatsMessagesAreShown()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var chat = new ChatPage(page, run.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await Expect(chat.UserMessages.First).ToHaveTextAsync(state.ChatPrompt!).ConfigureAwait(false);
            await Expect(chat.AssistantMessages.First).ToHaveTextAsync(state.ChatReply!).ConfigureAwait(false);
        }, $"a chat from the history does not show its messages on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the chat history lists the user's chats as the API does")]
    public async Task ThenTheChatHistoryMatchesTheApi()
    {
        var chats = await app.ChatsAsync(Role.User).ConfigureAwait(false);
        Check.That(chats.Count > 0, $"the user has no chats on {run.UnderTest.Name}, so the chat history cannot be checked");
        var ids = chats.Select(c => (string)c["id"]!).ToList();
        var page = await browser.PageAsync().ConfigureAwait(false);
        var chat = new ChatPage(page, run.BaseUrl());
        // Upstream's sidebar loads the first page (60) and more on scroll: what it shows must be the API's list from the top.
        var expected = Math.Min(ids.Count, SidebarPage);
        await Check.ThatAsync(() => Expect(chat.HistoryChats.Nth(expected - 1)).ToBeAttachedAsync(),
            $"the chat history on {run.UnderTest.Name} lists fewer than the {expected} chats the API reports").ConfigureAwait(false);
        var shown = await chat.HistoryChatIdsAsync().ConfigureAwait(false);
        // Other scenarios of this run may add or delete the user's chats meanwhile: the page must match the API's list
        // as read before or after it.
        var after = (await app.ChatsAsync(Role.User).ConfigureAwait(false)).Select(c => (string)c["id"]!).ToList();
        if (IsTopOf(shown, ids) || IsTopOf(shown, after)) return;
        var firstDifference = shown.Zip(ids).TakeWhile(p => p.First == p.Second).Count();
        throw new ChecklistFailure(firstDifference >= shown.Count
            ? $"the chat history on {run.UnderTest.Name} lists {shown.Count} chats, the API {ids.Count}"
            : firstDifference >= ids.Count
                ? $"the chat history on {run.UnderTest.Name} lists a chat the API does not: '{Title(chats, shown[firstDifference])}'"
                : $"the chat history on {run.UnderTest.Name} differs from the API's list at position {firstDifference + 1}: it shows '{Title(chats, shown[firstDifference])}', the API '{Title(chats, ids[firstDifference])}'");
    }

    /// <summary>Upstream's page size for the chat list (routers/chats.py).</summary>
    private const int SidebarPage = 60;

    /// <summary>The page shows the API's list from its top: at least one upstream page of it, nothing else.</summary>
    private static bool IsTopOf(IReadOnlyList<string> shown, IReadOnlyList<string> api) =>
        shown.Count >= Math.Min(api.Count, SidebarPage) && shown.Count <= api.Count && shown.SequenceEqual(api.Take(shown.Count));

    private static string Title(IReadOnlyList<System.Text.Json.Nodes.JsonObject> chats, string id) =>
        (string?)chats.FirstOrDefault(c => (string?)c["id"] == id)?["title"] ?? $"(a chat the API does not list: {id})";
}
