using Fixxit.Gherkin.NUnit.Checklists;

namespace Fixxit.Gherkin.Specs.Reports;

/// <summary>The checklist file: sections, lines and scenario references read from its table; bad rows named by file:line.</summary>
public sealed class ChecklistFileSpecs
{
    private const string Table = """
        # A checklist

        Text before the table is ignored.

        | Line | Section | Scenarios |
        |---|---|---|
        | Logs page loads | Phase 5 › Logs | Logs.feature: The logs page loads |
        | Models load | Phase 5 › Chat | Chat.feature: Models load correctly<br>Server.feature: The <environment> backend lists its models |
        | Can search logs | Phase 5 › Logs | Logs.feature: Logs can be searched |
        """;

    [Test]
    public void Rows_become_lines_grouped_by_section_in_the_order_sections_first_appear()
    {
        var checklist = ChecklistFile.Parse(Table, "map.md");

        checklist.Sections.Select(s => s.Section).Should().Equal("Phase 5 › Logs", "Phase 5 › Chat");
        checklist.Sections[0].Lines.Select(l => l.Text).Should().Equal("Logs page loads", "Can search logs");
        var models = checklist.Lines[1];
        models.LineNumber.Should().Be(8);
        models.Scenarios.Should().Equal(
            new ScenarioReference("Chat.feature", "Models load correctly"),
            new ScenarioReference("Server.feature", "The <environment> backend lists its models"));
    }

    [TestCase("| Line | Section | Scenarios |\n|---|---|---|\n| Logs page loads | Phase 5 › Logs |\n", "map.md:3: a row needs three cells (line | section | scenarios), found 2")]
    [TestCase("| Line | Section | Scenarios |\n|---|---|---|\n| Logs page loads |  | Logs.feature: x |\n", "map.md:3: \"Logs page loads\" has no section")]
    [TestCase("| Line | Section | Scenarios |\n|---|---|---|\n| Logs page loads | Logs | The logs page loads |\n", "map.md:3: 'The logs page loads' is not 'File.feature: scenario title'")]
    public void A_malformed_row_is_refused_naming_the_file_and_line(string text, string message)
    {
        var parse = () => ChecklistFile.Parse(text, "map.md");

        parse.Should().Throw<FormatException>().WithMessage(message);
    }

    [Test]
    public void A_reference_matches_a_feature_by_file_name_or_path_ending()
    {
        new ScenarioReference("Chat.feature", "x").IsFeature("Features/Chat.feature").Should().BeTrue();
        new ScenarioReference("Basics/Calculator.feature", "x").IsFeature("Features/Basics/Calculator.feature").Should().BeTrue();
        new ScenarioReference("Basics/Calculator.feature", "x").IsFeature("Features/Other/Calculator.feature").Should().BeFalse();
        new ScenarioReference("Chat.feature", "x").IsFeature("Features/GroupChat.feature").Should().BeFalse();
    }

    [Test]
    public void A_line_is_ticked_crossed_not_run_or_incomplete_from_its_scenarios()
    {
        var line = ChecklistFile.Parse(Table, "map.md").Lines[1];
        ScenarioRun Run(string file, string title, string name, ScenarioStatus status) => new(file, title, name, null, status, null, null, []);
        var chat = Run("Features/Chat.feature", "Models load correctly", "Models load correctly", ScenarioStatus.Passed);
        var dev = Run("Features/Server.feature", "The <environment> backend lists its models", "The dev backend lists its models", ScenarioStatus.Passed);
        var prod = dev with { Name = "The prod backend lists its models" };

        LineResult.For(line, [chat, dev, prod]).Status.Should().Be(LineStatus.Ticked);
        LineResult.For(line, [chat, dev, prod]).Scenarios.Should().HaveCount(3, "an outline's title stands for every example row");
        LineResult.For(line, [chat, dev, prod with { Status = ScenarioStatus.Failed }]).Status.Should().Be(LineStatus.Crossed);
        LineResult.For(line, [chat]).Status.Should().Be(LineStatus.Incomplete, "the outline's rows did not run");
        LineResult.For(line, [chat with { Status = ScenarioStatus.Skipped }]).Status.Should().Be(LineStatus.NotRun);
        LineResult.For(line, []).Scenarios.Select(s => s.Status).Should().Equal(ScenarioStatus.NotRun, ScenarioStatus.NotRun);
    }
}
