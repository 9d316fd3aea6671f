namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>`dotnet test --filter Category=…` selects exactly the scenarios and rows carrying the tag at any level.</summary>
[Category("integration")]
public sealed class CategoryFilterSpecs
{
    [Test]
    public async Task Category_prod_safe_selects_exactly_the_tagged_scenarios_and_example_rows()
    {
        var run = await SampleRuns.FilteredAsync(SampleRuns.ProdSafeFilter);

        run.ExitCode.Should().Be(0, run.Output);
        run.Trx.Results.Select(r => r.FullName).Should().BeEquivalentTo(
            "Fixxit.Gherkin.Samples.Features.Basics.CalculatorFeature.Add_many_numbers(1, 1, 2)",
            "Fixxit.Gherkin.Samples.Features.Basics.CalculatorFeature.Add_many_numbers(2, 5, 7)",
            "Fixxit.Gherkin.Samples.Features.Constructs.ConstructsFeature.Background_runs_first",
            "Fixxit.Gherkin.Samples.Features.Constructs.ConstructsFeature.Outline_with_two_examples_blocks(1, 101)",
            "Fixxit.Gherkin.Samples.Features.Constructs.ConstructsFeature.Outline_with_two_examples_blocks(2, 102)",
            "Fixxit.Gherkin.Samples.Features.Constructs.ConstructsFeature.A_rule_scenario_tagged_prod_safe");
        run.Trx.Results.Should().OnlyContain(r => r.Outcome == "Passed");
    }

    [Test]
    public async Task Feature_and_rule_tags_are_categories_of_every_scenario_below_them()
    {
        var run = await SampleRuns.FilteredAsync(SampleRuns.RulesOrCalculatorFilter);

        run.Trx.Results.Select(r => r.Name).Should().BeEquivalentTo(
            "Add_two_numbers", "Add_many_numbers(1, 1, 2)", "Add_many_numbers(2, 5, 7)", // @calculator on the Basics feature
            "Both_backgrounds_ran", "A_rule_scenario_tagged_prod_safe"); // @rules on the rule
    }

    [Test]
    public async Task A_filtered_run_writes_its_own_report_beside_the_full_one()
    {
        var full = await SampleRuns.FullAsync();
        var filtered = await SampleRuns.FilteredAsync(SampleRuns.ProdSafeFilter);

        Path.GetDirectoryName(filtered.Folder).Should().Be(Path.GetDirectoryName(full.Folder), "both live under TestResults");
        Path.GetFileName(filtered.Folder).Should().MatchRegex(@"^\d{8}-\d{6}-Category_prod-safe$");
        Path.GetFileName(full.Folder).Should().MatchRegex(@"^\d{8}-\d{6}-all$");
        full.Messages.Scenarios.Where(s => s.Status is not null).Should().HaveCount(20, "the full report keeps every executed scenario");
        filtered.Messages.Scenarios.Where(s => s.Status is not null).Should().HaveCount(6);
        foreach (var name in new[] { "report.html", "report.ndjson", "report.trx", "report.junit.xml", "run-header.json" })
        {
            File.Exists(filtered.File(name)).Should().BeTrue($"{name} belongs beside the filtered run's report");
        }
    }
}
