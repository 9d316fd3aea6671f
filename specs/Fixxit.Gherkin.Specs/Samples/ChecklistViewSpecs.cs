using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>
/// The report opens on the samples' checklist (specs/Fixxit.Gherkin.Samples/checklist.md), seen in headless Chromium:
/// lines ticked, crossed and not run, each scenario's status, the failing step's message masked, the screenshot
/// embedded, and nothing the page needs from outside the file.
/// </summary>
[Category("integration")]
public sealed partial class ChecklistViewSpecs
{
    [Test]
    public async Task The_report_opens_on_the_checklist_with_each_line_ticked_crossed_or_not_run()
    {
        var run = await SampleRuns.FullAsync();
        await using var report = await ReportBrowser.OpenAsync(run.File("report.html"));
        var page = report.Page;
        var view = page.Locator("#fixxit-checklist");

        await Assertions.Expect(view).ToBeVisibleAsync();
        (await view.BoundingBoxAsync())!.Y.Should().BeLessThan((await page.Locator("#content").BoundingBoxAsync())!.Y, "the checklist comes before the Cucumber detail");
        await Assertions.Expect(view.Locator(".fx-summary")).ToHaveTextAsync("3 ticked · 2 crossed · 1 not run of 6 lines");
        await Assertions.Expect(view.Locator("h3")).ToHaveTextAsync(["Arithmetic", "The gate", "Reporting"]);

        var numbers = Line(view, "Numbers add up");
        await Assertions.Expect(numbers).ToHaveAttributeAsync("data-line-status", "ticked");
        await Assertions.Expect(numbers.Locator(".fx-scenario")).ToHaveCountAsync(3);
        await Assertions.Expect(numbers.Locator(".fx-scenario[data-scenario-status=passed]")).ToHaveCountAsync(3);

        // An outline's title stands for every example row, each named by its values.
        var rows = Line(view, "Every example row runs");
        await Assertions.Expect(rows).ToHaveAttributeAsync("data-line-status", "ticked");
        await Assertions.Expect(rows.Locator(".fx-example")).ToHaveTextAsync(["(n = 1, sum = 101)", "(n = 2, sum = 102)", "(n = 1000, sum = 1100)"]);

        // A crossed line is open: the failed scenario, its step and its message are on screen.
        var wrongSum = Line(view, "A wrong sum is caught");
        await Assertions.Expect(wrongSum).ToHaveAttributeAsync("data-line-status", "crossed");
        await Assertions.Expect(wrongSum.Locator(".fx-scenario[data-scenario-status=failed] .fx-name")).ToHaveTextAsync("A failing step");
        await Assertions.Expect(wrongSum.Locator(".fx-step")).ToHaveTextAsync("Failed at: the result is 2");
        await Assertions.Expect(wrongSum.Locator(".fx-message")).ToBeVisibleAsync();
        await Assertions.Expect(wrongSum.Locator(".fx-message")).ToContainTextAsync("Expected the result 2 but it was 1.");

        var secrets = Line(view, "Secrets stay masked");
        await Assertions.Expect(secrets).ToHaveAttributeAsync("data-line-status", "crossed");
        await Assertions.Expect(secrets.Locator(".fx-message")).ToContainTextAsync("Sign-in failed for password " + SampleRuns.SecretMask);

        // A ticked line opens on click and shows its scenario's screenshot, embedded in the page.
        var screenshots = Line(view, "Screenshots reach the report");
        await Assertions.Expect(screenshots).ToHaveAttributeAsync("data-line-status", "ticked");
        var image = screenshots.Locator("img.fx-shot");
        await Assertions.Expect(image).ToBeHiddenAsync();
        await screenshots.Locator("summary").ClickAsync();
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        (await image.EvaluateAsync<int>("img => img.naturalWidth")).Should().Be(1, "the sample's 1x1 PNG decoded from the data URI");

        var ignored = Line(view, "Ignored work is not counted");
        await Assertions.Expect(ignored).ToHaveAttributeAsync("data-line-status", "not-run");
        await Assertions.Expect(ignored.Locator(".fx-scenario .fx-status")).ToHaveTextAsync(new Regex("^(skipped|not run)$"));

        var html = await view.InnerHTMLAsync();
        html.Should().NotContain(SampleRuns.Secret).And.Contain(SampleRuns.SecretMask);
    }

    [Test]
    public async Task A_filtered_run_marks_the_lines_it_did_not_run_and_those_it_ran_only_in_part()
    {
        var run = await SampleRuns.FilteredAsync(SampleRuns.ProdSafeFilter);
        await using var report = await ReportBrowser.OpenAsync(run.File("report.html"));
        var view = report.Page.Locator("#fixxit-checklist");

        await Assertions.Expect(Line(view, "A wrong sum is caught")).ToHaveAttributeAsync("data-line-status", "not-run");
        await Assertions.Expect(Line(view, "Secrets stay masked")).ToHaveAttributeAsync("data-line-status", "not-run");
        // "Add many numbers" is @prod-safe, "Add two numbers" is not: some passed, one never ran — not ticked.
        var numbers = Line(view, "Numbers add up");
        await Assertions.Expect(numbers).ToHaveAttributeAsync("data-line-status", "incomplete");
        await Assertions.Expect(numbers.Locator(".fx-scenario[data-scenario-status=passed]")).ToHaveCountAsync(2);
        await Assertions.Expect(numbers.Locator(".fx-scenario[data-scenario-status=not-run] .fx-name")).ToHaveTextAsync("Add two numbers");
    }

    [Test]
    public async Task The_page_needs_nothing_outside_its_file()
    {
        var html = await File.ReadAllTextAsync((await SampleRuns.FullAsync()).File("report.html"));

        ScriptSource().IsMatch(html).Should().BeFalse("no <script src=…>: the viewer's code is inline");
        RemoteImage().IsMatch(html).Should().BeFalse("no image is fetched from elsewhere");
        RemoteStylesheet().IsMatch(html).Should().BeFalse("no stylesheet is fetched from elsewhere");
    }

    private static ILocator Line(ILocator view, string text) =>
        view.Locator(".fx-line").Filter(new() { Has = view.Page.Locator(".fx-text", new() { HasTextString = text }) });

    [GeneratedRegex(@"<script\b[^>]*\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"<img\b[^>]*\bsrc\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteImage();

    [GeneratedRegex(@"<link\b[^>]*\bhref\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteStylesheet();
}
