using Microsoft.Playwright;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>The HTML report opened in headless Chromium: what a stakeholder sees.</summary>
[Category("integration")]
public sealed class HtmlReportSpecs
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    [Test]
    public async Task The_report_shows_the_run_header_every_feature_and_each_scenario_with_its_result()
    {
        var run = await SampleRuns.FullAsync();
        var home = Directory.CreateTempSubdirectory("fixxit-gherkin-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
                TracesDir = Path.Combine(home.FullName, "traces"),
                Env = new Dictionary<string, string> { ["HOME"] = home.FullName },
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(run.File("report.html")).AbsoluteUri);

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
                await Assertions.Expect(page.GetByText($"Features/{feature}.feature", new() { Exact = true })).ToBeVisibleAsync();
            }

            // Failed features open by themselves; the failing step's message is on screen.
            await Assertions.Expect(page.GetByText("Expected the result 2 but it was 1.").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("A failing step", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("An undefined step", new() { Exact = true })).ToBeVisibleAsync();

            // A passed feature opens on click and lists its scenarios, including the outline's example rows.
            await page.GetByText("Features/Constructs/Constructs.feature", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("Both backgrounds ran", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Outline with two examples blocks", new() { Exact = true })).ToBeVisibleAsync();

            // The trace is a link to the file beside the report; the screenshot is an embedded image.
            var traceLink = page.Locator("a[href^='artifacts/'][href$='.zip']");
            await Assertions.Expect(traceLink).ToHaveCountAsync(1);
            await page.GetByText(new System.Text.RegularExpressions.Regex(@"^\d{4}-sample_screenshot\.png$")).ClickAsync();
            await Assertions.Expect(page.Locator("img[src^='data:image/png;base64,']")).ToBeVisibleAsync();

            (await page.ContentAsync()).Contains(SampleRuns.Secret, StringComparison.Ordinal).Should().BeFalse("the rendered page must not show the secret");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
