using Fixxit.Nightly.History;
using Fixxit.Nightly.Pages;
using Fixxit.Nightly.Results;
using Microsoft.Playwright;

namespace Fixxit.Nightly.Specs.Pages;

public sealed class HistoryPageSpecs
{
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    private static (IReadOnlyList<RecordedRun>, IReadOnlyList<RecordedScenario>) TwoRuns()
    {
        RecordedRun[] runs =
        [
            new(1, "sandbox prod", "0.6.43", Night, TimeSpan.FromSeconds(80), "PASSED", "/reports/1"),
            new(2, "sandbox prod", "0.6.43", Night.AddDays(1), TimeSpan.FromSeconds(95), "FAILED", "/reports/2"),
        ];
        RecordedScenario[] scenarios =
        [
            new(1, Night, "U.Invite", "Urls: Invitation <URL> shows app", "Features/Urls.feature:12", ScenarioOutcome.Passed, TimeSpan.FromSeconds(2), null, false),
            new(1, Night, "C.Chat", "Chat: A user can reopen a chat", null, ScenarioOutcome.Passed, TimeSpan.FromSeconds(4), null, true),
            new(2, Night.AddDays(1), "U.Invite", "Urls: Invitation <URL> shows app", "Features/Urls.feature:12", ScenarioOutcome.Failed, TimeSpan.FromSeconds(3), "links start with <dev>", false),
            new(2, Night.AddDays(1), "C.Chat", "Chat: A user can reopen a chat", null, ScenarioOutcome.Passed, TimeSpan.FromSeconds(5), null, false),
        ];
        return (runs, scenarios);
    }

    [Test]
    public void The_page_is_self_contained_and_encodes_every_text_it_shows()
    {
        var (runs, scenarios) = TwoRuns();

        var html = HistoryPage.Render(runs, scenarios);

        html.Should().Contain("Urls: Invitation &lt;URL&gt; shows app").And.Contain("links start with &lt;dev&gt;").And.NotContain("<URL>");
        html.Should().NotContainAny("<script", "<link", "src=\"http", "@import");
        html.Should().Contain("file:///reports/2/report.html");
    }

    [Test]
    public void The_badge_says_failing_in_red_passing_in_green_and_no_runs_in_grey()
    {
        StatusBadge.Render(false).Should().Contain("nightly: failing").And.Contain("#c62828");
        StatusBadge.Render(true).Should().Contain("nightly: passing").And.Contain("#2e7d32");
        StatusBadge.Render(null).Should().Contain("nightly: no runs");
        System.Xml.Linq.XDocument.Parse(StatusBadge.Render(false)).Root!.Name.LocalName.Should().Be("svg");
    }

    [Test]
    public async Task In_chromium_the_page_shows_the_pass_rate_the_last_failure_and_the_flaky_line()
    {
        var (runs, scenarios) = TwoRuns();
        var file = Path.Combine(Path.GetTempPath(), $"fixxit-history-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, HistoryPage.Render(runs, scenarios));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(file).AbsoluteUri);

            (await page.TitleAsync()).Should().Be("Fixxit nightly verification — FAILED");
            (await page.GetByRole(AriaRole.Img, new() { Name = "pass rate per run" }).Locator("rect").CountAsync()).Should().Be(2);
            var lastFailure = page.GetByRole(AriaRole.Table).Nth(1);
            (await lastFailure.InnerTextAsync()).Should().Contain("Urls: Invitation <URL> shows app").And.Contain("links start with <dev>");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Flaky scenarios (passed only on retry)" }).IsVisibleAsync()).Should().BeTrue();
            (await page.GetByRole(AriaRole.Table).Nth(2).InnerTextAsync()).Should().Contain("Chat: A user can reopen a chat");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
