using Fixxit.Gherkin.NUnit;
using Fixxit.Masking;

namespace Fixxit.Gherkin.Specs.Reports;

/// <summary>The banner above the Cucumber viewer: escaped, masked, first thing in the body.</summary>
public sealed class RunHeaderBannerSpecs
{
    [Test]
    public void The_banner_is_the_first_element_of_the_body_with_escaped_and_masked_values()
    {
        var masker = new SecretMasker();
        masker.Register("banner-secret-2718", "key");
        var header = new RunHeader { TargetEnvironment = "<prod>", AppVersion = "v1" };
        header.Set("Key", "banner-secret-2718");

        var html = RunHeaderBanner.Insert("<html><head><title>Reqnroll Report</title></head><body class=\"x\"><div id=\"content\"></div></body></html>", header, masker);

        html.Should().StartWith("<html><head><title>Gherkin run — NOTHING RAN</title></head><body class=\"x\"><section id=\"fixxit-run-header\"");
        html.Should().Contain("&lt;prod&gt;").And.Contain("***key***").And.NotContain("banner-secret-2718");
    }

    [Test]
    public void A_run_that_ran_nothing_is_not_called_passed() => new RunHeader().Verdict.Should().Be("NOTHING RAN");

    [Test]
    public void A_failed_test_run_hook_fails_the_run_even_when_every_scenario_passed()
    {
        var header = new RunHeader();
        header.MarkFinished(DateTimeOffset.Now, passed: 3, failed: 0, skipped: 0, ["[AfterTestRun]: sandbox did not stop"], hookFailed: true);

        header.Verdict.Should().Be("FAILED");
        RunHeaderBanner.Render(header, new SecretMasker()).Should().Contain("[AfterTestRun]: sandbox did not stop");
    }
}
