using Microsoft.Playwright;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>The HTML report opened in headless Chromium: what a stakeholder sees.</summary>
[Category("integration")]
public sealed class HtmlReportSpecs
{
    [Test]
    public async Task The_report_shows_the_run_header_every_feature_and_each_scenario_with_its_result()
    {
        var run = await SampleRuns.FullAsync();
        await using var report = await ReportBrowser.OpenAsync(run.File("report.html"));
        var page = report.Page;
        // The Cucumber viewer below the banner and the checklist view.
        var cucumber = page.Locator("#content");

        await Assertions.Expect(page).ToHaveTitleAsync("Fixxit.Gherkin samples — FAILED");
        var header = page.Locator("#fixxit-run-header");
        await Assertions.Expect(header).ToContainTextAsync("Fixxit.Gherkin samples — FAILED");
        await Assertions.Expect(header).ToContainTextAsync("samples (in-process)");
        await Assertions.Expect(header).ToContainTextAsync("1.2.3-samples");
        await Assertions.Expect(header).ToContainTextAsync("16 passed, 4 failed, 1 skipped");
        await Assertions.Expect(header).ToContainTextAsync("Outcomes: A failing step (Features/Outcomes/Outcomes.feature:5)");

        foreach (var feature in new[] { "Basics/Calculator", "Other/Calculator", "Constructs/Constructs", "Outcomes/Outcomes",
                     "Hooks/Hooks", "Parallel/Left", "Parallel/Right", "Reporting/Reporting" })
        {
            await Assertions.Expect(cucumber.GetByText($"Features/{feature}.feature", new() { Exact = true })).ToBeVisibleAsync();
        }

        // Failed features open by themselves; the failing step's message is on screen.
        await Assertions.Expect(cucumber.GetByText("Expected the result 2 but it was 1.").First).ToBeVisibleAsync();
        await Assertions.Expect(cucumber.GetByText("A failing step", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(cucumber.GetByText("An undefined step", new() { Exact = true })).ToBeVisibleAsync();

        // A passed feature opens on click and lists its scenarios, including the outline's example rows.
        await cucumber.GetByText("Features/Constructs/Constructs.feature", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(cucumber.GetByText("Both backgrounds ran", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(cucumber.GetByText("Outline with two examples blocks", new() { Exact = true })).ToBeVisibleAsync();

        // The trace is a link to the file beside the report; the screenshot is an embedded image.
        var traceLink = cucumber.Locator("a[href^='artifacts/'][href$='.zip']");
        await Assertions.Expect(traceLink).ToHaveCountAsync(1);
        await cucumber.GetByText(new System.Text.RegularExpressions.Regex(@"^\d{4}-sample_screenshot\.png$")).ClickAsync();
        await Assertions.Expect(cucumber.Locator("img[src^='data:image/png;base64,']")).ToBeVisibleAsync();

        (await page.ContentAsync()).Contains(SampleRuns.Secret, StringComparison.Ordinal).Should().BeFalse("the rendered page must not show the secret");
    }
}
