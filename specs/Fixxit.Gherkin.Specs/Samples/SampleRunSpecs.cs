namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>The sample features run through `dotnet test`: one NUnit test per scenario/row, real Reqnroll outcomes.</summary>
[Category("integration")]
public sealed class SampleRunSpecs
{
    private const string Ns = "Fixxit.Gherkin.Samples.Features.";

    [Test]
    public async Task Each_feature_has_one_test_per_scenario_and_example_row()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        var perFixture = trx.Results.GroupBy(r => r.ClassName).ToDictionary(g => g.Key, g => g.Count());
        perFixture.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [Ns + "Basics.CalculatorFeature"] = 3,
            [Ns + "Other.CalculatorFeature"] = 1,
            [Ns + "Constructs.ConstructsFeature"] = 9,
            [Ns + "Outcomes.OutcomesFeature"] = 3,
            [Ns + "Hooks.HooksFeature"] = 1,
            [Ns + "Parallel.LeftFeature"] = 1,
            [Ns + "Parallel.RightFeature"] = 1,
            [Ns + "Reporting.ReportingFeature"] = 2,
        });
        trx.Results.Where(r => r.Name.StartsWith("Outline_with_two_examples_blocks", StringComparison.Ordinal)).Select(r => r.Name)
            .Should().BeEquivalentTo(
                "Outline_with_two_examples_blocks(1, 101)", "Outline_with_two_examples_blocks(2, 102)", "Outline_with_two_examples_blocks(1000, 1100)");
    }

    [Test]
    public async Task Two_features_with_one_title_do_not_collide()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        trx.Results.Where(r => r.Name == "Add_two_numbers").Select(r => r.FullName).Should().BeEquivalentTo(
            Ns + "Basics.CalculatorFeature.Add_two_numbers", Ns + "Other.CalculatorFeature.Add_two_numbers");
        trx.Results.Where(r => r.Name == "Add_two_numbers").Should().OnlyContain(r => r.Outcome == "Passed");
    }

    [Test]
    public async Task Every_Gherkin_construct_reaches_the_bindings()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        // The bindings throw unless the background value, table rows and doc string lines arrive intact.
        string[] constructs =
        [
            "Background_runs_first", "A_data_table_reaches_the_binding", "A_doc_string_reaches_the_binding",
            "Outline_with_two_examples_blocks(1, 101)", "Outline_with_two_examples_blocks(2, 102)", "Outline_with_two_examples_blocks(1000, 1100)",
            "Both_backgrounds_ran", "A_rule_scenario_tagged_prod_safe",
        ];
        foreach (var name in constructs) trx[name].Outcome.Should().Be("Passed", $"{name}: {trx[name].Message}");
        trx["An_ignored_scenario"].Outcome.Should().Be("NotExecuted", "@ignore skips the scenario");
    }

    [Test]
    public async Task A_failing_step_fails_the_test_with_its_message()
    {
        var run = await SampleRuns.FullAsync();

        run.ExitCode.Should().NotBe(0, "failing scenarios fail `dotnet test`");
        var failing = run.Trx["A_failing_step"];
        failing.Outcome.Should().Be("Failed");
        failing.Message.Should().Contain("Expected the result 2 but it was 1.");
    }

    [Test]
    public async Task Undefined_and_pending_steps_fail_the_test_with_Reqnroll_s_snippet()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        var undefined = trx["An_undefined_step"];
        undefined.Outcome.Should().Be("Failed");
        undefined.Message.Should().Contain("No matching step definition found").And.Contain("[Given(\"a step nobody wrote yet\")]");
        var pending = trx["A_pending_step"];
        pending.Outcome.Should().Be("Failed");
        pending.Message.Should().Contain("Pending or undefined step").And.Contain("PendingStep");
    }

    [Test]
    public async Task Hooks_run_in_Reqnroll_s_order_around_the_scenario()
    {
        var run = await SampleRuns.FullAsync();

        run.Trx["Hooks_run_in_order"].Outcome.Should().Be("Passed", run.Trx["Hooks_run_in_order"].Message);
        File.ReadAllLines(run.File("hooks.log")).Should().Equal(
            "BeforeTestRun", "BeforeFeature", "BeforeScenario", "BeforeStep", "Step", "AfterStep", "BeforeStep", "AfterStep",
            "AfterScenario", "AfterFeature", "AfterTestRun");
    }

    [Test]
    public async Task Parallel_features_run_at_the_same_time_with_isolated_scenario_state()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        // Each scenario waits at a barrier for the other one: both pass only if they ran concurrently, and each then
        // checks that its own ScenarioContext value survived.
        trx["Left_holds_its_own_value_while_right_runs"].Outcome.Should().Be("Passed", trx["Left_holds_its_own_value_while_right_runs"].Message);
        trx["Right_holds_its_own_value_while_left_runs"].Outcome.Should().Be("Passed", trx["Right_holds_its_own_value_while_left_runs"].Message);
    }

    [Test]
    public async Task Output_helper_text_reaches_the_test_output()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        trx["Output_and_attachments_reach_the_report"].StdOut.Should().Contain("hello from the output helper");
    }

    [Test]
    public async Task Exactly_the_expected_scenarios_fail()
    {
        var trx = (await SampleRuns.FullAsync()).Trx;

        trx.Results.Where(r => r.Outcome == "Failed").Select(r => r.Name).Should().BeEquivalentTo(
            "A_failing_step", "An_undefined_step", "A_pending_step", "A_secret_never_reaches_any_output");
        trx.Results.Count(r => r.Outcome == "Passed").Should().Be(16);
    }
}
