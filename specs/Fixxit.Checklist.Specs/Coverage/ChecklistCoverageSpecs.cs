using Fixxit.Checklist.Specs.Coverage;
using Fixxit.Gherkin.NUnit.Checklists;

namespace Fixxit.Checklist.Specs;

/// <summary>Every plan checklist line is encoded: the plan, features/checklist-map.md and the feature files agree.</summary>
public sealed class ChecklistCoverageSpecs
{
    private static readonly string[] SectionTags = ["authentication-and-users", "groups-and-permissions", "invitations", "logs", "chat", "deployment", "server"];

    private static IReadOnlyList<PlanLine> Plan => DeploymentPlan.ChecklistLines(File.ReadAllText(RepositoryPaths.Plan));

    [Test]
    public void The_plan_yields_every_Phase_5_item_and_the_Phase_4_verification_steps()
    {
        var plan = Plan;
        plan.Count(l => l.Section.StartsWith("Phase 5", StringComparison.Ordinal)).Should().Be(23, "the plan's Phase 5 has 23 checklist items in 5 sections");
        plan.Where(l => l.Section.StartsWith("Phase 4", StringComparison.Ordinal)).Select(l => l.Text).Should().Equal(
            "Step 8: Verify production is running locally", "Step 9: Verify Caddy is handling requests", "Step 10: Verify SSL Certificate",
            "Step 11: Restart dev environment", "Step 12: Verify both environments");
        plan.Select(l => l.Text).Should().Contain("Invitation URL shows \"app.fixxit.ai\" (not dev.fixxit.ai)")
            .And.Contain("No \"Failed to decrypt password\" errors in backend logs");
    }

    [Test]
    public void Every_plan_line_has_a_row_in_the_checklist_map_whose_scenarios_exist()
    {
        var map = ChecklistFile.Parse(File.ReadAllText(RepositoryPaths.ChecklistMap), "features/checklist-map.md");
        var problems = ChecklistCoverage.Problems(Plan, map, FeatureScenarios.Read(RepositoryPaths.FeatureFiles));
        problems.Should().BeEmpty();
    }

    [Test]
    public void A_plan_line_without_a_scenario_is_reported_with_its_line()
    {
        var plan = DeploymentPlan.ChecklistLines("## Phase 5: Testing Checklist\n### Logs\n- [ ] Logs page loads\n- [ ] Logs can be exported\n");
        var table = ChecklistFile.Parse("| Plan line | Section | Scenarios |\n|---|---|---|\n| Logs page loads | Phase 5 › Logs | Logs.feature: The logs page loads |\n", "map.md");
        var scenarios = FeatureScenarios.Parse("Logs.feature", "@logs\nFeature: Logs\n  @prod-safe\n  Scenario: The logs page loads\n    Then x\n");

        ChecklistCoverage.Problems(plan, table, scenarios).Should().ContainSingle()
            .Which.Should().Be("deployment-plan.md:4: \"Logs can be exported\" (Phase 5 › Logs) has no row in map.md");
    }

    [Test]
    public void A_row_naming_a_missing_scenario_or_no_scenario_is_reported()
    {
        var plan = DeploymentPlan.ChecklistLines("## Phase 5\n### Chat Functionality\n- [ ] Can create new chat\n- [ ] Models load correctly\n");
        var table = ChecklistFile.Parse(
            "| Plan line | Section | Scenarios |\n|---|---|---|\n| Can create new chat | Phase 5 › Chat Functionality | Chat.feature: A chat that was renamed |\n" +
            "| Models load correctly | Phase 5 › Chat |  |\n", "map.md");
        var scenarios = FeatureScenarios.Parse("Chat.feature", "Feature: Chat\n  Scenario: A user can create a new chat\n");

        ChecklistCoverage.Problems(plan, table, scenarios).Should().BeEquivalentTo(
            "map.md:4: \"Models load correctly\" names no scenario",
            "map.md:4: \"Models load correctly\" is in section \"Phase 5 › Chat\", the plan has it in \"Phase 5 › Chat Functionality\"",
            "map.md:3: no scenario \"A chat that was renamed\" in features/Features/Chat.feature");
    }

    [Test]
    public void Every_scenario_is_either_prod_safe_or_mutating_and_carries_its_section_and_driver_tags()
    {
        var scenarios = FeatureScenarios.Read(RepositoryPaths.FeatureFiles);
        scenarios.Should().HaveCountGreaterThan(30);
        foreach (var s in scenarios)
        {
            var label = $"{s.FeatureFile}: {s.Title}";
            (s.Tags.Contains("prod-safe") ^ s.Tags.Contains("mutating")).Should().BeTrue($"{label} must be exactly one of @prod-safe / @mutating");
            s.Tags.Intersect(SectionTags).Should().ContainSingle($"{label} must carry one section tag");
            s.Tags.Intersect(["ui", "api", "ssh"]).Should().NotBeEmpty($"{label} must say what it drives (@ui, @api, @ssh)");
            s.Rows.Should().BePositive($"{label} must have at least one example row");
        }
    }

    [Test]
    public void The_nightly_profile_selects_only_prod_safe_scenarios_and_no_profile_holds_a_secret()
    {
        var nightly = System.Xml.Linq.XDocument.Load(RepositoryPaths.Runsettings("nightly"));
        nightly.Descendants("TestCaseFilter").Single().Value.Trim().Should().Be("Category=prod-safe");
        foreach (var profile in new[] { "sandbox", "dev", "prod", "nightly" })
        {
            var parameters = System.Xml.Linq.XDocument.Load(RepositoryPaths.Runsettings(profile)).Descendants("Parameter")
                .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
            parameters.Keys.Where(k => (k.Contains("Password", StringComparison.Ordinal) || k.Contains("Key", StringComparison.Ordinal)) && !k.EndsWith("Variable", StringComparison.Ordinal))
                .Should().BeEmpty($"{profile}.runsettings names environment variables for secrets, never values");
        }
    }
}
