using System.Text.Json;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>The ndjson report read back: Reqnroll's message formatter was fed the real Gherkin messages.</summary>
[Category("integration")]
public sealed class ReportContentSpecs
{
    [Test]
    public async Task The_messages_hold_every_feature_and_every_scenario_with_its_status()
    {
        var run = await SampleRuns.FullAsync();
        var messages = run.Messages;

        messages.SourceCount.Should().Be(8);
        messages.GherkinDocumentCount.Should().Be(8);
        messages.Scenarios.Should().HaveCount(21);
        messages.AllIds.Should().OnlyHaveUniqueItems("ids of two features must never collide");
        var byName = messages.Scenarios.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Select(s => s.Status).ToArray());
        byName["A failing step"].Should().Equal("FAILED");
        byName["An undefined step"].Should().Equal("UNDEFINED");
        byName["A pending step"].Should().Equal("PENDING");
        byName["Add two numbers"].Should().Equal("PASSED", "PASSED");
        byName["Outline with two examples blocks"].Should().Equal("PASSED", "PASSED", "PASSED");
        byName["Both backgrounds ran"].Should().Equal("PASSED");
        // Every executed (not ignored) scenario has a status the report shows.
        messages.Scenarios.Where(s => s.Name != "An ignored scenario").Should().OnlyContain(s => s.Status != null);
    }

    [Test]
    public async Task Scenario_tags_in_the_report_include_feature_rule_and_examples_tags()
    {
        var messages = (await SampleRuns.FullAsync()).Messages;

        messages.Scenarios.Single(s => s.Name == "A rule scenario tagged prod-safe").Tags
            .Should().BeEquivalentTo("@constructs", "@rules", "@prod-safe");
        messages.Scenarios.Where(s => s.Name == "Outline with two examples blocks").Select(s => string.Join(" ", s.Tags))
            .Should().Equal("@constructs @prod-safe", "@constructs @prod-safe", "@constructs @slow");
    }

    [Test]
    public async Task Screenshots_are_embedded_and_large_files_are_linked_beside_the_report()
    {
        var run = await SampleRuns.FullAsync();
        var attachments = run.Messages.Attachments;

        var screenshot = attachments.Single(a => a.GetProperty("mediaType").GetString() == "image/png");
        screenshot.GetProperty("contentEncoding").GetString().Should().Be("BASE64");
        Convert.FromBase64String(screenshot.GetProperty("body").GetString()!).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        var link = attachments.Single(a => a.GetProperty("mediaType").GetString() == "text/uri-list"
            && a.GetProperty("body").GetString()!.Trim().EndsWith(".zip", StringComparison.Ordinal));
        var target = link.GetProperty("body").GetString()!.Trim();
        target.Should().StartWith("artifacts/").And.EndWith(".zip");
        new FileInfo(Path.Combine(run.Folder, target)).Length.Should().Be(64 * 1024, "the trace itself sits beside the report");
        attachments.Should().Contain(a => a.GetProperty("mediaType").GetString() == "text/x.cucumber.log+plain"
            && a.GetProperty("body").GetString() == "hello from the output helper");
    }

    [Test]
    public async Task The_run_header_carries_environment_version_times_and_verdict()
    {
        var run = await SampleRuns.FullAsync();

        using var header = JsonDocument.Parse(File.ReadAllText(run.File("run-header.json")));
        var root = header.RootElement;
        root.GetProperty("Verdict").GetString().Should().Be("FAILED");
        root.GetProperty("TargetEnvironment").GetString().Should().Be("samples (in-process)");
        root.GetProperty("AppVersion").GetString().Should().Be("1.2.3-samples");
        root.GetProperty("Passed").GetInt32().Should().Be(16);
        root.GetProperty("Failed").GetInt32().Should().Be(4);
        root.GetProperty("Skipped").GetInt32().Should().Be(1);
        root.GetProperty("Details").GetProperty("Reqnroll telemetry").GetString().Should().Be("off");
        root.GetProperty("FinishedAt").GetDateTimeOffset().Should().BeOnOrAfter(root.GetProperty("StartedAt").GetDateTimeOffset());
        File.ReadAllText(run.File("report.html")).Contains("id=\"fixxit-run-header\"", StringComparison.Ordinal).Should().BeTrue("the banner is in the HTML");
    }
}
