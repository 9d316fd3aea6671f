using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Reqnroll;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class LogSteps(ChecklistRun run, BrowserDriver browser, AppDriver app, ScenarioState state)
{
    [When("the admin opens the logs page")]
    [Given("the admin opens the logs page")]
    public async Task WhenTheAdminOpensTheLogsPage()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(new LogsPage(page, run.BaseUrl(), run.Selectors).OpenAsync, $"the logs page does not load on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("log lines are shown without an error")]
    public async Task ThenLogLinesAreShown()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var logs = new LogsPage(page, run.BaseUrl(), run.Selectors);
        var error = await logs.Error.IsVisibleAsync().ConfigureAwait(false) ? await logs.Error.InnerTextAsync().ConfigureAwait(false) : null;
        Check.That(error is null, $"the logs page on {run.UnderTest.Name} shows an error: {error}");
        await Check.ThatAsync(() => Expect(logs.Rows.First).ToBeVisibleAsync(), $"the logs page on {run.UnderTest.Name} shows no log lines").ConfigureAwait(false);
    }

    [When("the admin reads the logs once")]
    public async Task WhenTheAdminReadsTheLogsOnce()
    {
        // Reading lines is what makes the backend decrypt each involved log source's password; whether it fails is
        // judged from the backend log, not here.
        var response = await app.LogsAsync().ConfigureAwait(false);
        state.Responses = [response];
    }

    [When("the admin loads the logs repeatedly")]
    public async Task WhenTheAdminLoadsTheLogsRepeatedly()
    {
        var responses = new List<ApiResponse>();
        for (var i = 0; i < Math.Max(2, run.Target.Settings.LogLoads); i++) responses.Add(await app.LogsAsync().ConfigureAwait(false));
        state.Responses = responses;
    }

    [Then("every load succeeds with the same lines")]
    public void ThenEveryLoadSucceeds()
    {
        var failed = state.Responses.Where(r => !r.IsSuccess).ToList();
        Check.That(failed.Count == 0,
            $"the logs fail to load {failed.Count} of {state.Responses.Count} times on {run.UnderTest.Name} (random failures): {failed.FirstOrDefault()?.Detail}",
            string.Join(Environment.NewLine, failed.Select(f => f.ToString())));
        // The lines themselves (id, time, level, source, message), in order: equal totals can hide different lines.
        var first = Lines(state.Responses[0]);
        Check.That(first.Count > 0, $"the logs on {run.UnderTest.Name} show no line, so their consistency cannot be judged");
        for (var i = 1; i < state.Responses.Count; i++)
        {
            var lines = Lines(state.Responses[i]);
            var differs = lines.Count != first.Count ? lines.Count : lines.Zip(first).TakeWhile(p => p.First == p.Second).Count();
            Check.That(lines.SequenceEqual(first),
                $"the logs on {run.UnderTest.Name} do not display consistently: load {i + 1} of {state.Responses.Count} shows different lines than load 1 (from line {differs + 1})",
                $"load 1: {first.Count} lines; load {i + 1}: {lines.Count} lines");
        }
    }

    [Then("the backend log of the environment under test has no {string} since the backend started")]
    public async Task ThenTheBackendLogHasNo(string text)
    {
        var lines = await run.Server.BackendLogSinceStartAsync(run.UnderTest).ConfigureAwait(false);
        var hits = lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
        Check.That(hits.Count == 0,
            $"{run.UnderTest.Name} backend log has {hits.Count} \"{text}\" errors since its last start: {run.UnderTest.Name}'s DATABASE_PASSWORD_ENCRYPTION_KEY does not match the one its database was encrypted with",
            string.Join(Environment.NewLine, hits.Take(5)));
    }

    [Then("the logs page shows the same lines on every reload")]
    public async Task ThenTheLogsPageIsStableOnReload()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var logs = new LogsPage(page, run.BaseUrl(), run.Selectors);
        var reloads = Math.Max(2, run.Target.Settings.LogLoads / 3);
        var first = await RowTextsAsync(logs).ConfigureAwait(false);
        for (var i = 1; i <= reloads; i++)
        {
            await page.ReloadAsync().ConfigureAwait(false);
            await logs.LoadedAsync().ConfigureAwait(false);
            if (await logs.Error.IsVisibleAsync().ConfigureAwait(false))
            {
                throw new ChecklistFailure($"the logs page on {run.UnderTest.Name} fails on reload {i} of {reloads} (random failures): {await logs.Error.InnerTextAsync().ConfigureAwait(false)}");
            }

            await Check.ThatAsync(() => Expect(logs.Messages).ToHaveCountAsync(first.Count),
                $"the logs page on {run.UnderTest.Name} shows a different number of lines on reload {i} of {reloads}").ConfigureAwait(false);
            var shown = await RowTextsAsync(logs).ConfigureAwait(false);
            Check.That(shown.SequenceEqual(first),
                $"the logs page on {run.UnderTest.Name} shows different lines on reload {i} of {reloads}: '{shown.Except(first).FirstOrDefault()}' was not shown before");
        }
    }

    [When("the admin filters the logs by the level of the newest log line")]
    public async Task WhenTheAdminFiltersByLevel()
    {
        var newest = await NewestLineAsync().ConfigureAwait(false);
        state.Chosen = (string)newest["level"]!;
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => new LogsPage(page, run.BaseUrl(), run.Selectors).FilterByLevelAsync(state.Chosen), $"the logs page on {run.UnderTest.Name} cannot filter by level").ConfigureAwait(false);
    }

    [Then("every log line shown has that level")]
    public async Task ThenEveryLineHasThatLevel()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var logs = new LogsPage(page, run.BaseUrl(), run.Selectors);
        await Check.ThatAsync(() => Expect(logs.Rows.First).ToBeVisibleAsync(), $"filtering the logs by {state.Chosen} on {run.UnderTest.Name} shows no line").ConfigureAwait(false);
        var levels = await logs.Levels.AllInnerTextsAsync().ConfigureAwait(false);
        var others = levels.Where(l => l.Trim() != state.Chosen).Distinct().ToList();
        Check.That(others.Count == 0, $"filtering the logs by {state.Chosen} on {run.UnderTest.Name} still shows lines of level {string.Join(", ", others)}");
    }

    [When("the admin searches the logs for a word of the newest log line")]
    public async Task WhenTheAdminSearches()
    {
        var newest = await NewestLineAsync().ConfigureAwait(false);
        var message = (string?)newest["message"] ?? string.Empty;
        state.Chosen = message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).OrderByDescending(w => w.Length).FirstOrDefault()
            ?? throw new ChecklistFailure($"the newest log line on {run.UnderTest.Name} has no word to search for: '{message}'");
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => new LogsPage(page, run.BaseUrl(), run.Selectors).SearchAsync(state.Chosen), $"the logs page on {run.UnderTest.Name} cannot search").ConfigureAwait(false);
    }

    [Then("every log line shown contains that word")]
    public async Task ThenEveryLineContainsThatWord()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var logs = new LogsPage(page, run.BaseUrl(), run.Selectors);
        await Check.ThatAsync(() => Expect(logs.Rows.First).ToBeVisibleAsync(), $"searching the logs for '{state.Chosen}' on {run.UnderTest.Name} finds no line, though the newest line has it").ConfigureAwait(false);
        var messages = await logs.Messages.AllInnerTextsAsync().ConfigureAwait(false);
        var misses = messages.Where(m => !m.Contains(state.Chosen!, StringComparison.OrdinalIgnoreCase)).ToList();
        Check.That(misses.Count == 0, $"searching the logs for '{state.Chosen}' on {run.UnderTest.Name} shows lines without it: {misses.FirstOrDefault()}");
    }

    /// <summary>Each API line as one comparable string, in the order the API returns them.</summary>
    private static List<string> Lines(ApiResponse response) =>
        [.. (response.Json?["logs"] as JsonArray ?? []).OfType<JsonObject>().Select(l => $"{l["id"]}|{l["ts"]}|{l["level"]}|{l["source"]}|{l["message"]}")];

    /// <summary>Each row the page shows as level + message, in page order.</summary>
    private static async Task<List<string>> RowTextsAsync(LogsPage logs)
    {
        var levels = await logs.Levels.AllInnerTextsAsync().ConfigureAwait(false);
        var messages = await logs.Messages.AllInnerTextsAsync().ConfigureAwait(false);
        return [.. levels.Zip(messages, (level, message) => $"{level.Trim()} {message.Trim()}")];
    }

    private async Task<JsonObject> NewestLineAsync()
    {
        var json = AppDriver.Json(await app.LogsAsync("?limit=1").ConfigureAwait(false), $"the logs cannot be read on {run.UnderTest.Name}");
        return (json["logs"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()
            ?? throw new ChecklistFailure($"there are no log lines on {run.UnderTest.Name} to filter or search");
    }
}
